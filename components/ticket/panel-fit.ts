/**
 * How tall the ticket panel may be: the room the viewport leaves it beside its badge, and, when
 * its content needs more, a little less, so that the edge where it scrolls falls between two
 * lines, never through a button or a checkbox.
 */

/** A line of the panel, in px from the top of the panel's box, the panel scrolled to its top. */
export interface PanelLine {
  top: number;
  bottom: number;
}

/** Kept between the panel and the viewport's edge. */
export const PANEL_MARGIN = 8;
/** Below this the panel keeps its height and runs off screen (the page scrolls to it). */
const PANEL_FLOOR = 160;

/**
 * The panel's max-height at rest: all of `room` when its `natural` height fits, otherwise the
 * room less whatever puts the scroll edge (`edgeInset` above the box's bottom: its border) at
 * the top of the first line it would cut. Lines that touch (table rows) are not cut either:
 * a line counts as cut only when the edge passes more than half a pixel inside it.
 */
export function panelHeightAtRest(room: number, natural: number, lines: PanelLine[], edgeInset: number): number {
  const height = Math.max(room, PANEL_FLOOR);
  if (natural <= height) return height;
  let edge = height - edgeInset;
  for (;;) {
    const cut = lines.find((line) => line.top < edge - 0.5 && line.bottom > edge + 0.5);
    if (!cut || cut.top < PANEL_FLOOR) return edge + edgeInset;
    edge = cut.top;
  }
}

/** What counts as a line the scroll edge must not cut: every control, and every line of text around them. */
const LINES = 'button,a,input,label,li,p,h2,h3,tr,.ew-person-name';

/**
 * Sizes an open panel to the viewport it is in: below its badge (or above it, for the floating
 * badge in the corner), up to the viewport's edge less a margin.
 */
export function fitPanel(panel: HTMLElement): void {
  const box = panel.getBoundingClientRect();
  const opensUp = box.bottom <= (panel.parentElement?.getBoundingClientRect().top ?? 0) + 1;
  const room = (opensUp ? box.bottom : panel.ownerDocument.documentElement.clientHeight - box.top) - PANEL_MARGIN;
  const border = parseFloat(getComputedStyle(panel).borderBottomWidth) || 0;
  const top = box.top - panel.scrollTop;
  const lines = [...panel.querySelectorAll(LINES)].flatMap((element) => {
    const rect = element.getBoundingClientRect();
    // A person's row (li) spans its name, buttons and checkbox: those are lines of their own.
    return element.matches('.ew-person') ? [] : [{ top: rect.top - top, bottom: rect.bottom - top }];
  });
  panel.style.maxHeight = `${panelHeightAtRest(room, panel.scrollHeight + 2 * border, lines, border)}px`;
}
