import { formatDuration } from '../../../lib/countdown/format';
import { countdownWords } from '../../../lib/countdown/countdown-words';
import { t } from '../../../lib/i18n';
import type { LevelDelay } from '../../../lib/record';

/**
 * Acknowledgement delay per level as a small hand-drawn SVG bar chart: per level, the 90th
 * percentile as a light bar with the median as a solid bar over it. No chart library: a few rects
 * and labels are all it needs. The same figures are listed as text below it (and are the SVG's
 * description), so screen readers and people who prefer numbers get them too.
 */

const WIDTH = 560;
const LABEL = 76;
const VALUE_ROOM = 150;
const ROW = 30;
const TOP = 6;
const AXIS = 26;
const MINUTE = 60_000;
const STEPS_MIN = [5, 10, 15, 30, 60, 120, 240, 480, 1440];

/** A round upper end for the scale: the first step at or above the largest value. */
export function scaleMaxMs(values: readonly number[]): number {
  const max = Math.max(0, ...values);
  const step = STEPS_MIN.find((minutes) => minutes * MINUTE >= max);
  return (step ?? Math.ceil(max / (1440 * MINUTE)) * 1440) * MINUTE;
}

export function AckDelayChart({ delays }: { delays: readonly LevelDelay[] }) {
  if (delays.length === 0) return <p class="ew-help" data-record="chart-empty">{t('optionsRecordChartEmpty')}</p>;
  const words = countdownWords();
  const duration = (ms: number) => (ms < MINUTE ? `0 ${words.minute}` : formatDuration(ms, words));
  const max = scaleMaxMs(delays.map((d) => d.p90Ms));
  const plot = WIDTH - LABEL - VALUE_ROOM;
  const x = (ms: number) => LABEL + (plot * Math.min(ms, max)) / max;
  const height = TOP + delays.length * ROW + AXIS;
  const lines = delays.map((d) => t('optionsRecordChartLine', [String(d.level), duration(d.medianMs), duration(d.p90Ms), String(d.count)]));
  return (
    <figure class="ew-chart" data-record="chart">
      <svg
        role="img"
        aria-labelledby="ew-chart-title ew-chart-desc"
        viewBox={`0 0 ${WIDTH} ${height}`}
        width={WIDTH}
        height={height}
        class="ew-chart-svg"
      >
        <title id="ew-chart-title">{t('optionsRecordChartTitle')}</title>
        <desc id="ew-chart-desc">{lines.join('; ')}</desc>
        {delays.map((d, index) => {
          const y = TOP + index * ROW;
          return (
            <g key={d.level} data-level={d.level}>
              <text x={0} y={y + ROW / 2 + 4} class="ew-chart-label">
                {t('optionsRecordLevel', String(d.level))}
              </text>
              <rect x={LABEL} y={y + 5} width={Math.max(1, x(d.p90Ms) - LABEL)} height={ROW - 10} rx={3} class="ew-chart-p90" />
              <rect x={LABEL} y={y + 9} width={Math.max(1, x(d.medianMs) - LABEL)} height={ROW - 18} rx={2} class="ew-chart-median" />
              <text x={x(d.p90Ms) + 6} y={y + ROW / 2 + 4} class="ew-chart-value">
                {`${duration(d.medianMs)} / ${duration(d.p90Ms)}`}
              </text>
            </g>
          );
        })}
        <g class="ew-chart-axis">
          <line x1={LABEL} x2={LABEL + plot} y1={TOP + delays.length * ROW + 2} y2={TOP + delays.length * ROW + 2} />
          {[0, max / 2, max].map((ms) => (
            <text key={ms} x={x(ms)} y={TOP + delays.length * ROW + 18} text-anchor={ms === 0 ? 'start' : ms === max ? 'end' : 'middle'}>
              {duration(ms)}
            </text>
          ))}
        </g>
      </svg>
      <figcaption>
        <span class="ew-chart-key">
          <span class="ew-chart-swatch ew-chart-swatch-median" aria-hidden="true" /> {t('optionsRecordMedian')}
        </span>
        <span class="ew-chart-key">
          <span class="ew-chart-swatch ew-chart-swatch-p90" aria-hidden="true" /> {t('optionsRecordP90')}
        </span>
        <ul class="ew-chart-text" data-record="chart-text">
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
