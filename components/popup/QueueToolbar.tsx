import type { Severity } from '../../lib/engine/types';
import { t } from '../../lib/i18n';
import type { QueueFilter, SeverityFilterValue } from '../../lib/queue';

interface QueueToolbarProps {
  filter: QueueFilter;
  onChange: (filter: QueueFilter) => void;
}

const severityChoices: SeverityFilterValue[] = [1, 2, 3, 4, 'none'];

function severityText(value: SeverityFilterValue): string {
  return value === 'none' ? t('inpageBadgeSeverityUnknown') : t('inpageBadgeSeverity', value satisfies Severity);
}

/** Mine / all, severities, and a search box; every control labelled for screen readers. */
export function QueueToolbar({ filter, onChange }: QueueToolbarProps) {
  const toggleSeverity = (value: SeverityFilterValue, on: boolean) => {
    const severities = new Set(filter.severities);
    if (on) severities.add(value);
    else severities.delete(value);
    onChange({ ...filter, severities });
  };
  return (
    <div class="ew-toolbar">
      <input
        type="search"
        class="ew-search"
        placeholder={t('popupSearchPlaceholder')}
        aria-label={t('popupSearchLabel')}
        value={filter.query}
        onInput={(event) => onChange({ ...filter, query: event.currentTarget.value })}
      />
      <fieldset class="ew-segmented">
        <legend class="ew-visually-hidden">{t('popupScopeLegend')}</legend>
        {(['all', 'mine'] as const).map((scope) => (
          <label key={scope} class="ew-segment">
            <input
              type="radio"
              name="ew-scope"
              value={scope}
              checked={filter.scope === scope}
              onChange={() => onChange({ ...filter, scope })}
            />
            <span>{t(scope === 'all' ? 'popupScopeAll' : 'popupScopeMine')}</span>
          </label>
        ))}
      </fieldset>
      <fieldset class="ew-severity-filter">
        <legend class="ew-visually-hidden">{t('popupSeverityLegend')}</legend>
        {severityChoices.map((value) => (
          <label key={String(value)} class="ew-chip-toggle">
            <input
              type="checkbox"
              checked={filter.severities.has(value)}
              onChange={(event) => toggleSeverity(value, event.currentTarget.checked)}
            />
            <span>{severityText(value)}</span>
          </label>
        ))}
      </fieldset>
    </div>
  );
}
