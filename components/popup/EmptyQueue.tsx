import { t } from '../../lib/i18n';

interface EmptyQueueProps {
  /** Tickets are watched, but the filters hide them all. */
  filtered: boolean;
  onClearFilters: () => void;
  onOpenOptions: () => void;
}

/** Says how tickets get here, or that the filters hide them, and what to do about it. */
export function EmptyQueue({ filtered, onClearFilters, onOpenOptions }: EmptyQueueProps) {
  if (filtered) {
    return (
      <div class="ew-empty" role="status">
        <p>{t('popupEmptyFiltered')}</p>
        <button type="button" class="ew-button" onClick={onClearFilters}>
          {t('popupClearFilters')}
        </button>
      </div>
    );
  }
  return (
    <div class="ew-empty" role="status">
      <h2 class="ew-empty-title">{t('popupEmptyTitle')}</h2>
      <p>{t('popupEmptyHowTicketsArrive')}</p>
      <p>{t('popupEmptySites')}</p>
      <button type="button" class="ew-button" onClick={onOpenOptions}>
        {t('popupOpenOptions')}
      </button>
    </div>
  );
}
