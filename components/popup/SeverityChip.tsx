import type { Severity } from '../../lib/engine/types';
import { t } from '../../lib/i18n';

/**
 * "Sev 2" coloured by severity ("No severity" when the ticket has none; "Sev 1 · hot account" for a
 * hot account's ticket), in a row and in the detail view alike.
 */
export function SeverityChip({ severity, hotAccount = false }: { severity: Severity | null; hotAccount?: boolean | undefined }) {
  const text =
    severity === null ? t('inpageBadgeSeverityUnknown') : hotAccount ? t('inpageBadgeSeverityHotAccount', severity) : t('inpageBadgeSeverity', severity);
  return <span class={`ew-sev ew-sev-${severity ?? 'none'}`}>{text}</span>;
}
