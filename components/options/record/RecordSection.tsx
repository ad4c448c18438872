import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { t, type MessageKey } from '../../../lib/i18n';
import { ackDelayByLevel, lastDaysDates, periodOfDates, recordCsv, recordJson, recordRows, type PeriodProblem } from '../../../lib/record';
import type { EscalationRecord } from '../../../lib/storage/escalation-record';
import type { FileDownloads, RecordStore } from '../options-services';
import { AckDelayChart } from './AckDelayChart';

/**
 * The escalation record (issue 15 item 5): acknowledgement delay per level over the last 30 days
 * as a chart, and the record of a chosen period (from/to dates in the engineer's zone) exported
 * as CSV or JSON. Read-only; every text is plain (never HTML).
 */

const CHART_DAYS = 30;
const problemText: Record<PeriodProblem, MessageKey> = {
  from: 'optionsRecordBadFrom',
  to: 'optionsRecordBadTo',
  order: 'optionsRecordBadOrder',
};

interface RecordSectionProps {
  store: RecordStore | undefined;
  files: FileDownloads;
  now: Date;
  engineerTimeZone: string;
}

export function RecordSection({ store, files, now, engineerTimeZone }: RecordSectionProps) {
  const record = useSignal<EscalationRecord | null>(null);
  const error = useSignal<string | null>(null);
  const defaults = lastDaysDates(now, CHART_DAYS, engineerTimeZone);
  const from = useSignal(defaults.from);
  const to = useSignal(defaults.to);
  const status = useSignal('');
  useEffect(() => {
    if (!store) {
      error.value = t('optionsRecordUnavailable');
      return;
    }
    store
      .load()
      .then((value) => (record.value = value))
      .catch((caught: unknown) => (error.value = caught instanceof Error ? caught.message : String(caught)));
  }, [store]);
  if (error.value) return <p class="ew-field-errors" role="alert">{t('optionsLoadFailed', error.value)}</p>;
  const value = record.value;
  if (!value) return <p role="status">{t('optionsLoading')}</p>;

  const period = periodOfDates(from.value, to.value, engineerTimeZone);
  const problem = 'problem' in period ? period.problem : null;
  const tickets = Object.values(value);
  const acknowledgements = tickets.reduce((sum, ticket) => sum + ticket.acknowledgements.length, 0);
  const download = (kind: 'csv' | 'json') => {
    if ('problem' in period) return;
    const rows = recordRows(value, period);
    const text = kind === 'csv' ? recordCsv(rows) : recordJson(value, period, now);
    files.download(`escalation-record-${from.value}-to-${to.value}.${kind}`, text, kind === 'csv' ? 'text/csv' : 'application/json');
    status.value = t('optionsRecordExported', [String(rows.length), kind.toUpperCase()]);
  };

  return (
    <section class="ew-section" aria-labelledby="ew-record-title">
      <h2 id="ew-record-title">{t('optionsRecord')}</h2>
      <p class="ew-help">{t('optionsRecordIntro')}</p>
      <p data-record="summary">{t('optionsRecordSummary', [String(tickets.length), String(acknowledgements)])}</p>
      <h3>{t('optionsRecordChartTitle')}</h3>
      <AckDelayChart delays={ackDelayByLevel(value, now, CHART_DAYS)} />
      <fieldset class="ew-group" data-record="export">
        <legend>{t('optionsRecordExport')}</legend>
        <div class="ew-row-editor">
          <label class="ew-field">
            {t('optionsRecordFrom')}
            <input type="date" name="record-from" value={from.value} onInput={(event) => (from.value = event.currentTarget.value)} />
          </label>
          <label class="ew-field">
            {t('optionsRecordTo')}
            <input type="date" name="record-to" value={to.value} onInput={(event) => (to.value = event.currentTarget.value)} />
          </label>
        </div>
        <p class="ew-help">{t('optionsRecordZone', engineerTimeZone)}</p>
        {problem ? (
          <p class="ew-field-errors" role="alert">
            {t(problemText[problem])}
          </p>
        ) : null}
        <div class="ew-row-editor">
          <button type="button" class="ew-button" data-record="export-csv" disabled={problem !== null} onClick={() => download('csv')}>
            {t('optionsRecordExportCsv')}
          </button>
          <button type="button" class="ew-button" data-record="export-json" disabled={problem !== null} onClick={() => download('json')}>
            {t('optionsRecordExportJson')}
          </button>
        </div>
        <p role="status" class="ew-status" data-record="status">
          {status.value}
        </p>
      </fieldset>
    </section>
  );
}
