/**
 * The stylesheets of the in-page UI, injected into each shadow root (never into the page).
 * Sizes are fixed where the page could otherwise move: the badge has a fixed height and
 * tabular digits, the panel floats over the page.
 */
/** Host reset, colours (light and dark), state colours, countdown: shared by every badge. */
const sharedCss = `
:host { all: initial; display: inline-block; position: relative; vertical-align: middle; line-height: normal;
  font: 12px/1.3 system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft JhengHei", sans-serif;
  --ew-fg: #1f2328; --ew-bg: #ffffff; --ew-muted: #59636e; --ew-border: #d1d9e0;
  --ew-ok: #1a7f37; --ew-warning: #9a6700; --ew-notify: #8250df; --ew-overdue: #cf222e;
  --ew-paused: #0969da; --ew-stopped: #6e7781; --ew-unknown: #6e7781; color: var(--ew-fg); }
@media (prefers-color-scheme: dark) {
  :host { --ew-fg: #e6edf3; --ew-bg: #161b22; --ew-muted: #9198a1; --ew-border: #3d444d;
    --ew-ok: #3fb950; --ew-warning: #d29922; --ew-notify: #ab7df8; --ew-overdue: #f85149;
    --ew-paused: #4493f8; --ew-stopped: #9198a1; --ew-unknown: #9198a1; }
}
.ew-dot { flex: none; width: 8px; height: 8px; border-radius: 50%; background: var(--ew-state, var(--ew-unknown)); }
.ew-countdown { color: var(--ew-fg); font-variant-numeric: tabular-nums; }
.ew-countdown-overdue { color: var(--ew-overdue); font-weight: 600; }
.ew-state-ok { --ew-state: var(--ew-ok); }
.ew-state-warning { --ew-state: var(--ew-warning); }
.ew-state-notify { --ew-state: var(--ew-notify); }
.ew-state-overdue { --ew-state: var(--ew-overdue); }
.ew-state-paused { --ew-state: var(--ew-paused); }
.ew-state-stopped { --ew-state: var(--ew-stopped); }
.ew-state-unknown { --ew-state: var(--ew-unknown); border-style: dashed; }
.ew-state-checking { --ew-state: var(--ew-border); border-style: dotted; }
.ew-state-unavailable { --ew-state: var(--ew-border); border-style: dashed; color: var(--ew-muted); }
.ew-visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

/** A list row's badge only: kept small because a view can show hundreds of them. */
export const rowBadgeCss = `${sharedCss}
/* As wide as its words ("overdue 1 d 04 h", any language, any zoom): never clipped. Layout and
   paint stay contained; only the width follows the content. */
:host(.ew-host-row) { width: max-content; min-width: 40px; height: 18px; margin: 0 4px; contain: layout paint style; }
.ew-row-badge { box-sizing: border-box; display: inline-flex; align-items: center; gap: 4px; height: 18px; padding: 0 6px;
  border-radius: 9px; border: 1px solid var(--ew-state, var(--ew-border)); background: var(--ew-bg); white-space: nowrap;
  font-size: 11px; font-variant-numeric: tabular-nums; }
`;

/**
 * The panel's background. Its max-height comes from the room the viewport leaves (panel-fit.ts);
 * where it scrolls, a shadow at the cut edge says there is more: the shadows stay with the box
 * (scroll), covers of the panel's colour move with the content (local) and hide them at either end.
 */
const panelScrollShadows = `linear-gradient(var(--ew-bg) 40%,#0000) top/100% 28px no-repeat local,
linear-gradient(#0000,var(--ew-bg) 60%) bottom/100% 28px no-repeat local,
radial-gradient(farthest-side at 50% 0,#0000004d,#0000) top/100% 12px no-repeat,
radial-gradient(farthest-side at 50% 100%,#0000004d,#0000) bottom/100% 12px no-repeat var(--ew-bg)`;

/** The ticket badge, its panel and the error badges. */
export const ticketUiCss = `${sharedCss}
:host(.ew-host-ticket) { min-width: 220px; height: 24px; margin: 0 8px; }
:host(.ew-host-floating) { position: fixed; right: 16px; bottom: 16px; z-index: 2147483000; margin: 0; }
:host(.ew-host-floating) .ew-panel { top: auto; bottom: 28px; left: auto; right: 0; }
.ew-widget { position: relative; height: 100%; }
.ew-badge { box-sizing: border-box; display: inline-flex; align-items: center; gap: 6px; height: 24px; max-width: 560px;
  padding: 0 8px; border: 1px solid var(--ew-state, var(--ew-border)); border-radius: 12px; background: var(--ew-bg);
  cursor: pointer; white-space: nowrap; overflow: hidden; font-variant-numeric: tabular-nums; }
.ew-badge:focus-visible, .ew-button:focus-visible, .ew-note-choice input:focus-visible {
  outline: 2px solid var(--ew-paused); outline-offset: 2px; }
.ew-summary { font-weight: 600; }
.ew-who { color: var(--ew-notify); overflow: hidden; text-overflow: ellipsis; min-width: 0; flex: 0 1 auto; }
.ew-summary, .ew-clock, .ew-state-word { flex: none; }
/* A long summary ("Sev 1 · hot account · L4 · On-duty Escalation Director") gives way to the countdowns. */
.ew-badge > * { flex-shrink: 0; }
.ew-badge > .ew-summary { flex-shrink: 1; min-width: 0; overflow: hidden; text-overflow: ellipsis; }
.ew-clock, .ew-state-word, .ew-from-page { color: var(--ew-muted); }
.ew-error { cursor: default; border-style: dashed; color: var(--ew-muted); }
.ew-error-signIn { --ew-state: var(--ew-warning); color: var(--ew-fg); }
.ew-loading { box-sizing: border-box; display: inline-block; width: 220px; height: 24px; border-radius: 12px;
  border: 1px dashed var(--ew-border); }
.ew-panel { position: absolute; top: 28px; left: 0; z-index: 2147483000; box-sizing: border-box; width: 420px;
  max-height: 70vh; overflow: auto; overscroll-behavior: contain; padding: 12px; border: 1px solid var(--ew-border);
  border-radius: 8px; color: var(--ew-fg); box-shadow: 0 8px 24px rgba(0, 0, 0, 0.2); background: ${panelScrollShadows}; }
.ew-panel-header { display: flex; align-items: center; justify-content: space-between; }
.ew-panel-title { margin: 0; font-size: 14px; }
.ew-heading { margin: 12px 0 4px; font-size: 12px; text-transform: uppercase; color: var(--ew-muted); }
.ew-notice { margin: 8px 0; padding: 6px 8px; border-radius: 4px; border: 1px solid var(--ew-warning); }
.ew-explanation, .ew-people, .ew-timeline { margin: 4px 0; padding-left: 18px; }
.ew-ack-timeout { font-weight: 600; color: var(--ew-notify); }
.ew-zones, .ew-muted { color: var(--ew-muted); }
.ew-step { display: flex; flex-wrap: wrap; column-gap: 6px; padding: 4px 0; }
.ew-step + .ew-step { border-top: 1px solid var(--ew-border); }
.ew-step-name { font-weight: 600; }
.ew-step-reached { color: var(--ew-fg); }
.ew-step-next .ew-step-phase { color: var(--ew-warning); font-weight: 600; }
.ew-step-later { color: var(--ew-muted); }
.ew-person { margin: 4px 0; }
.ew-person-pending .ew-person-name { font-weight: 600; color: var(--ew-notify); }
.ew-person-state { margin: 0 6px; color: var(--ew-muted); }
.ew-person-added { margin-right: 6px; color: var(--ew-muted); font-style: italic; }
.ew-person-actions { display: inline-flex; gap: 4px; }
.ew-button { font: inherit; color: var(--ew-fg); background: transparent; border: 1px solid var(--ew-border);
  border-radius: 4px; padding: 1px 6px; cursor: pointer; text-decoration: none; }
/* "Mark notified" is an action (a filled button); "notified" beside a role is a fact (plain text). */
.ew-primary { border-color: var(--ew-notify); background: var(--ew-notify); color: var(--ew-bg); font-weight: 600; }
.ew-link { font: inherit; color: var(--ew-paused); background: none; border: 0; padding: 0; cursor: pointer; text-decoration: underline; }
.ew-person-nobody { color: var(--ew-muted); font-style: italic; margin-right: 6px; }
.ew-button[disabled] { opacity: 0.6; cursor: progress; }
.ew-close { border: none; font-size: 16px; }
.ew-note-choice { display: block; color: var(--ew-muted); }
.ew-native-sla { border-collapse: collapse; width: 100%; }
.ew-native-sla th, .ew-native-sla td { text-align: left; padding: 2px 4px; border-bottom: 1px solid var(--ew-border); }
.ew-drifting td { color: var(--ew-overdue); }
.ew-status:empty { display: none; }
`;
