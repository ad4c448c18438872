import type { Page } from 'puppeteer-core';
import { inShadowRoots } from './closed-shadow';

/** Where the open ticket panel sits in its viewport, read from real layout (getBoundingClientRect). */
export interface PanelGeometry {
  viewportHeight: number;
  top: number;
  bottom: number;
  /** The panel's content is taller than its box: it scrolls. */
  scrolls: boolean;
  /** Its controls (buttons, links, checkboxes), each by its words. */
  controls: string[];
  /** Controls the panel's scroll edge cuts through with the panel at rest (scrolled to its top). */
  cutAtRest: string[];
  /** Controls neither wholly in view at rest nor brought wholly into view by scrolling the panel. */
  unreachable: string[];
  /** At rest, the bottom of the first line (row, item, paragraph, control) below the panel's scroll edge, if any. */
  nextLineBottom: number | null;
}

/**
 * The open panel's geometry at rest and, for each control not wholly in view, again with the
 * panel scrolled to it (as a person would scroll it), then back to its top.
 */
export async function readPanelGeometry(page: Page): Promise<PanelGeometry | null> {
  return inShadowRoots(page, 'ew-ticket-badge', (roots) => {
    const panel = roots[0]?.querySelector<HTMLElement>('.ew-panel');
    if (!panel) return null;
    const viewportHeight = document.documentElement.clientHeight;
    const style = getComputedStyle(panel);
    const controls = [...panel.querySelectorAll<HTMLElement>('button, a[href], input')];
    const name = (control: HTMLElement) => (control.closest('label') ?? control).textContent?.replace(/\s+/g, ' ').trim() || control.getAttribute('aria-label') || control.tagName;
    /** The part of the viewport the panel shows its content in: inside its borders, on screen. */
    const window_ = () => {
      const box = panel.getBoundingClientRect();
      return { top: Math.max(box.top + parseFloat(style.borderTopWidth), 0), bottom: Math.min(box.bottom - parseFloat(style.borderBottomWidth), viewportHeight) };
    };
    const wholly = (control: HTMLElement) => {
      const seen = window_();
      const rect = control.getBoundingClientRect();
      return rect.height > 0 && rect.top >= seen.top - 0.5 && rect.bottom <= seen.bottom + 0.5;
    };
    panel.scrollTop = 0;
    const rest = window_();
    const box = panel.getBoundingClientRect();
    const cutAtRest = controls.filter((control) => {
      const rect = control.getBoundingClientRect();
      return rect.top < rest.bottom - 0.5 && rect.bottom > rest.bottom + 0.5;
    });
    const below = [...panel.querySelectorAll<HTMLElement>('li:not(.ew-person), tr, p, h3, label, button, a[href], input')]
      .map((line) => line.getBoundingClientRect())
      .filter((rect) => rect.height > 0 && rect.top >= rest.bottom - 0.5)
      .sort((a, b) => a.top - b.top);
    const nextLineBottom = below[0]?.bottom ?? null;
    const unreachable = controls.filter((control) => {
      if (wholly(control)) return false;
      const rect = control.getBoundingClientRect();
      const seen = window_();
      panel.scrollTop += rect.bottom > seen.bottom ? rect.bottom - seen.bottom + 2 : rect.top - seen.top - 2;
      const reached = wholly(control);
      panel.scrollTop = 0;
      return !reached;
    });
    return {
      viewportHeight,
      top: box.top,
      bottom: box.bottom,
      scrolls: panel.scrollHeight > panel.clientHeight + 1,
      controls: controls.map(name),
      cutAtRest: cutAtRest.map(name),
      unreachable: unreachable.map(name),
      nextLineBottom,
    };
  });
}

/** Scrolls the open panel to its end (for a picture of the last controls). */
export async function scrollPanelToEnd(page: Page): Promise<void> {
  await inShadowRoots(page, 'ew-ticket-badge', (roots) => {
    const panel = roots[0]?.querySelector<HTMLElement>('.ew-panel');
    if (panel) panel.scrollTop = panel.scrollHeight;
    return null;
  });
}
