import { toICS, type IcsLabels } from '../../lib/forecast/ics';
import { t } from '../../lib/i18n';
import type { ForecastItem } from '../../lib/messages/forecast-view';
import { forecastEventOf } from '../../lib/view-model/forecast-view';

/** The calendar's words in the UI language (toICS fills `$1`). */
export function icsLabels(): IcsLabels {
  return {
    severity: t('icsSeverity', '$1'),
    level: t('icsLevel', '$1'),
    notify: t('icsNotify', '$1'),
    response: t('icsResponse'),
    update: t('icsUpdate'),
    office: t('icsOffice', '$1'),
  };
}

/** The .ics text of forecast items, stamped now so a re-import updates (SEQUENCE grows). */
export function calendarText(items: readonly ForecastItem[], stampedAt: Date): string {
  return toICS(items.map(forecastEventOf), { stampedAt, labels: icsLabels() });
}

/** A file name without characters file systems refuse. */
export function calendarFileName(base: string): string {
  return `${base.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'forecast'}.ics`;
}
