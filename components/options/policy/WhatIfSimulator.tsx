import { useMemo, useState } from 'preact/hooks';
import { evaluate } from '../../../lib/engine/evaluate';
import type { Severity } from '../../../lib/engine/types';
import { t } from '../../../lib/i18n';
import type { Policy } from '../../../lib/policy/schema';
import { TicketTimeline } from '../../timeline';
import { instantFromLocalInput, localInputValue, whatIfTicket } from './what-if';

interface WhatIfSimulatorProps {
  policy: Policy;
  engineerTimeZone: string;
  /** Where the opening time starts (the page's now). */
  initialOpenedAt: Date;
}

const severities: Severity[] = [1, 2, 3, 4];

/** Pick a severity, an office and an opening time: see every level and deadline the policy gives. */
export function WhatIfSimulator({ policy, engineerTimeZone, initialOpenedAt }: WhatIfSimulatorProps) {
  const [severity, setSeverity] = useState<Severity>(1);
  const [office, setOffice] = useState(policy.defaultOffice);
  const officeId = office in policy.offices ? office : policy.defaultOffice;
  const timeZone = policy.offices[officeId]?.timeZone ?? 'UTC';
  const [local, setLocal] = useState(() => localInputValue(initialOpenedAt, timeZone));
  const openedAt = instantFromLocalInput(local, timeZone);

  const result = useMemo(() => {
    if (!openedAt) return null;
    const ticket = whatIfTicket(severity, officeId, openedAt);
    return { ticket, evaluation: evaluate(ticket, policy, openedAt) };
  }, [policy, severity, officeId, openedAt?.getTime()]);

  const roleNames = Object.fromEntries(Object.entries(policy.roles).map(([id, role]) => [id, role.name]));
  return (
    <section class="ew-what-if" aria-labelledby="ew-what-if-title">
      <h3 id="ew-what-if-title">{t('optionsWhatIf')}</h3>
      <p class="ew-help">{t('optionsWhatIfHelp')}</p>
      <div class="ew-what-if-inputs">
        <div class="ew-field">
          <label for="ew-what-if-severity">{t('optionsWhatIfSeverity')}</label>
          <select id="ew-what-if-severity" value={String(severity)} onChange={(event) => setSeverity(Number(event.currentTarget.value) as Severity)}>
            {severities.map((s) => (
              <option key={s} value={String(s)}>
                {t('optionsSeverityHeading', [s, policy.severities[s]?.name ?? ''])}
              </option>
            ))}
          </select>
        </div>
        <div class="ew-field">
          <label for="ew-what-if-office">{t('optionsWhatIfOffice')}</label>
          <select id="ew-what-if-office" value={officeId} onChange={(event) => setOffice(event.currentTarget.value)}>
            {Object.entries(policy.offices).map(([id, entry]) => (
              <option key={id} value={id}>
                {entry.name || id}
              </option>
            ))}
          </select>
        </div>
        <div class="ew-field">
          <label for="ew-what-if-opened">{t('optionsWhatIfOpenedAt', timeZone)}</label>
          <input id="ew-what-if-opened" type="datetime-local" value={local} onInput={(event) => setLocal(event.currentTarget.value)} />
        </div>
      </div>
      {result ? (
        <TicketTimeline
          ticket={result.ticket}
          evaluation={result.evaluation}
          officeTimeZone={timeZone}
          engineerTimeZone={engineerTimeZone}
          now={result.ticket.createdAt}
          roleNames={roleNames}
          pauseWhile={policy.pauseWhile}
        />
      ) : (
        <p class="ew-field-errors">{t('optionsWhatIfNeedsTime')}</p>
      )}
    </section>
  );
}
