/**
 * The timeline's CSS as text, so every host can apply it: the popup in a <style> element, the
 * in-page panel inside its shadow root (a page stylesheet would leak into the helpdesk).
 */
export const timelineStyles = `
.ew-timeline-heading { font-size: 0.95em; margin: 0.75em 0 0.25em; }
.ew-timeline-why { margin: 0; padding-left: 1.2em; }
.ew-timeline-table { width: 100%; border-collapse: collapse; font-size: 0.9em; }
.ew-timeline-table th { text-align: left; font-weight: 600; border-bottom: 1px solid currentColor; padding: 0.25em; }
.ew-timeline-table td { padding: 0.25em; vertical-align: top; border-bottom: 1px solid color-mix(in srgb, currentColor 15%, transparent); }
.ew-timeline-time { white-space: nowrap; font-variant-numeric: tabular-nums; }
.ew-timeline-future { opacity: 0.85; }
.ew-timeline-unscheduled { opacity: 0.6; }
.ew-timeline-now td { font-weight: 600; border-bottom: 2px solid currentColor; }
.ew-timeline-roles { display: block; font-size: 0.9em; opacity: 0.85; }
.ew-visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
