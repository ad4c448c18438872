import type { ComponentChildren } from 'preact';
import { t } from '../../../lib/i18n';
import type { SettingsDraft } from './settings-draft';

/** Save / discard for a settings form, with its status read out politely. */
export function SaveBar<T>({ form, children }: { form: SettingsDraft<T>; children?: ComponentChildren }) {
  return (
    <div class="ew-actions ew-sticky">
      <button type="button" class="ew-button ew-primary" disabled={!form.dirty.value} onClick={() => void form.save()}>
        {t('optionsSave')}
      </button>
      <button type="button" class="ew-button" disabled={!form.dirty.value} onClick={form.discard}>
        {t('optionsDiscardChanges')}
      </button>
      {children}
      <span class="ew-status" role="status" aria-live="polite">
        {form.status.value}
      </span>
    </div>
  );
}
