/**
 * The forecast's CSS as text, applied where the view is rendered (popup tab, forecast page).
 * Row heights match FORECAST_HOUR_ROW and FORECAST_EVENT_ROW (ForecastList.tsx).
 */
export const forecastStyles = `
.ew-forecast { display: flex; flex-direction: column; gap: 8px; padding: 8px 10px; min-width: 0; }
/* The popup tab scrolls as a whole: no part of it is squeezed to fit. */
.ew-forecast > * { flex-shrink: 0; }
.ew-forecast-popup { max-height: 520px; overflow-y: auto; }
.ew-forecast-toolbar { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; justify-content: space-between; }
.ew-forecast-office-filter select { font: inherit; max-width: 220px; }
.ew-strips { margin: 0; display: flex; flex-direction: column; gap: 3px; }
.ew-strip-row { display: flex; flex-direction: column; gap: 1px; margin-top: 2px; }
.ew-strip-ticks { position: relative; height: 14px; font-size: 10px; color: var(--ew-muted, #5b6474); overflow: hidden; }
.ew-strip-tick { position: absolute; top: 0; transform: translateX(-50%); white-space: nowrap; font-variant-numeric: tabular-nums; }
.ew-strip-label { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0 6px; min-width: 0; font-size: 11px; line-height: 1.25; }
.ew-strip-name { font-weight: 600; overflow-wrap: anywhere; }
.ew-strip-local { color: var(--ew-muted, #5b6474); font-variant-numeric: tabular-nums; }
.ew-strip-track { position: relative; height: 28px; min-width: 0; }
.ew-strip-svg { display: block; width: 100%; height: 28px; border: 1px solid var(--ew-line, #d9dde5); box-sizing: border-box; }
.ew-day-workday { fill: #f4f6f9; }
.ew-day-closed { fill: #e3e6ec; }
.ew-day-holiday { fill: #f7d9d5; }
.ew-day-makeup { fill: #dce6fb; }
.ew-open { fill: #8fcf9f; }
.ew-midnight { stroke: #8a93a3; stroke-width: 1; stroke-dasharray: 2 2; }
.ew-mark { stroke: #1d2330; stroke-width: 2; }
.ew-mark-sev1 { stroke: #b3261e; stroke-width: 3; }
.ew-mark-sev2 { stroke: #a15c00; stroke-width: 3; }
.ew-strip-days { position: absolute; inset: 0; pointer-events: none; }
.ew-strip-day-label { position: absolute; top: 1px; height: 12px; line-height: 12px; padding: 0 4px; box-sizing: border-box;
  font-size: 9.5px; font-weight: 600; color: #5c1a14; white-space: nowrap; }
.ew-day-label-makeup { color: #173a80; }
.ew-strip-legend { display: flex; flex-wrap: wrap; gap: 4px 10px; font-size: 10px; color: var(--ew-muted, #5b6474); }
.ew-legend::before { content: ''; display: inline-block; width: 10px; height: 10px; margin-right: 3px; vertical-align: -1px; border: 1px solid #8a93a3; }
.ew-legend-open::before { background: #8fcf9f; }
.ew-legend-holiday::before { background: #f7d9d5; }
.ew-legend-makeup::before { background: #dce6fb; }
.ew-legend-closed::before { background: #e3e6ec; }
.ew-legend-mark::before { width: 2px; background: #b3261e; border: 0; }
.ew-strip-zone { flex-basis: 100%; }
.ew-handoff { border: 1px solid var(--ew-line, #d9dde5); border-radius: 6px; padding: 6px 8px; }
.ew-handoff-head { display: flex; gap: 8px; align-items: flex-start; justify-content: space-between; }
.ew-handoff-title { font-size: 13px; margin: 0; overflow-wrap: anywhere; }
.ew-handoff-copy { flex: none; }
.ew-handoff-count, .ew-handoff-nothing, .ew-handoff-more { margin: 4px 0 0; color: var(--ew-muted, #5b6474); }
.ew-handoff-tickets { margin: 4px 0 0; padding-left: 0; list-style: none; }
.ew-handoff-ticket { margin-top: 4px; }
.ew-handoff-ticket-title { display: block; font-weight: 600; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.ew-handoff-due { margin: 2px 0 0; padding-left: 14px; font-size: 12px; overflow-wrap: anywhere; }
.ew-handoff-cover { color: var(--ew-muted, #5b6474); }
.ew-forecast-hour { box-sizing: border-box; height: 26px; margin: 0; padding: 5px 10px 0; font-size: 12px; background: var(--ew-chip, #eef1f6); }
.ew-forecast-event { box-sizing: border-box; height: 62px; padding: 4px 10px; overflow: hidden; border-left: 4px solid transparent; }
.ew-forecast-sev1 { border-left-color: #b3261e; }
.ew-forecast-sev2 { border-left-color: #a15c00; }
.ew-forecast-line { display: flex; gap: 6px; align-items: baseline; min-width: 0; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; height: 18px; }
.ew-forecast-time { font-variant-numeric: tabular-nums; font-weight: 600; flex: none; }
.ew-forecast-ticket { font: inherit; color: var(--ew-accent, #1f5fd1); background: none; border: 0; padding: 0; cursor: pointer; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; min-width: 0; text-align: left; }
.ew-forecast-what { justify-content: space-between; }
.ew-forecast-office { color: var(--ew-muted, #5b6474); flex: none; }
.ew-forecast-whom { display: block; font-size: 12px; color: var(--ew-muted, #5b6474); }
.ew-forecast-popup .ew-list-viewport { max-height: 260px; }
.ew-forecast-page .ew-list-viewport { max-height: 60vh; }
.ew-forecast-empty { color: var(--ew-muted, #5b6474); margin: 4px 0; }
.ew-forecast-status:empty { display: none; }
.ew-calendar-link[aria-disabled='true'] { opacity: 0.5; cursor: default; }
@media (prefers-color-scheme: dark) {
  .ew-day-workday { fill: #262a32; }
  .ew-day-closed { fill: #1f2228; }
  .ew-day-holiday { fill: #4a2622; }
  .ew-day-makeup { fill: #22304d; }
  .ew-open { fill: #2f6b40; }
  .ew-mark { stroke: #e6e9ef; }
  .ew-mark-sev1 { stroke: #ff8a80; }
  .ew-mark-sev2 { stroke: #ffb74d; }
  .ew-strip-day-label { color: #ffd7d2; }
  .ew-day-label-makeup { color: #cfe0ff; }
}
`;
