import { t } from '../../lib/i18n';

export type PopupTab = 'queue' | 'forecast';

const tabs: readonly { id: PopupTab; label: () => string }[] = [
  { id: 'queue', label: () => t('popupTabQueue') },
  { id: 'forecast', label: () => t('popupTabForecast') },
];

/** The popup's two tabs: the queue as it stands, and what the next 24 hours bring (ARIA tabs, arrow keys move). */
export function PopupTabs({ tab, onChange }: { tab: PopupTab; onChange: (tab: PopupTab) => void }) {
  return (
    <div class="ew-tabs" role="tablist">
      {tabs.map(({ id, label }, index) => (
        <button
          key={id}
          id={`ew-tab-${id}`}
          type="button"
          role="tab"
          class="ew-tab"
          aria-selected={tab === id}
          aria-controls={`ew-tabpanel-${id}`}
          tabIndex={tab === id ? 0 : -1}
          onClick={() => onChange(id)}
          onKeyDown={(event) => {
            if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
            event.preventDefault();
            const next = tabs[(index + (event.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length]!;
            onChange(next.id);
            document.getElementById(`ew-tab-${next.id}`)?.focus();
          }}
        >
          {label()}
        </button>
      ))}
    </div>
  );
}
