import type { Severity } from '../../lib/engine/types';
import { t } from '../../lib/i18n';

/** "Sev 2" coloured by severity ("No severity" when the ticket has none), in a row and in the detail view alike. */
export function SeverityChip({ severity }: { severity: Severity | null }) {
  return <span class={`ew-sev ew-sev-${severity ?? 'none'}`}>{severity === null ? t('inpageBadgeSeverityUnknown') : t('inpageBadgeSeverity', severity)}</span>;
}
