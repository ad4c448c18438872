import { describe, expect, test } from 'vitest';
import { panelHeightAtRest, type PanelLine } from '../../../components/ticket/panel-fit';

/** Lines of 16 px with 4 px between them, from 12 px down (a panel's padding), as the panel lays them out. */
function lines(count: number): PanelLine[] {
  return Array.from({ length: count }, (_, index) => ({ top: 12 + index * 20, bottom: 28 + index * 20 }));
}

/** The lines the scroll edge of a panel `height` px tall (1 px border) passes through. */
function cutBy(height: number, all: PanelLine[]): PanelLine[] {
  const edge = height - 1;
  return all.filter((line) => line.top < edge - 0.5 && line.bottom > edge + 0.5);
}

describe('panelHeightAtRest', () => {
  test('a panel whose content fits takes the whole room (it does not scroll)', () => {
    expect(panelHeightAtRest(600, 420, lines(20), 1)).toBe(600);
  });

  test('a panel that scrolls ends at the top of the line the room would have cut, not through it', () => {
    // 40 lines (812 px) in 300 px: the edge at 299 px cuts the line at 292–308; it moves up to 292.
    const height = panelHeightAtRest(300, 812, lines(40), 1);
    expect(height).toBe(293);
    expect(cutBy(height, lines(40))).toEqual([]);
  });

  test('an edge that already falls between two lines stays where the room puts it', () => {
    // The edge at 290 px: between the line ending at 288 and the one starting at 292.
    expect(panelHeightAtRest(291, 812, lines(40), 1)).toBe(291);
  });

  test('rows that touch (a table) are not cut either: the edge stops at the row it met, not above the table', () => {
    const rows: PanelLine[] = [...lines(10), ...Array.from({ length: 10 }, (_, index) => ({ top: 212 + index * 21.5, bottom: 233.5 + index * 21.5 }))];
    const height = panelHeightAtRest(300, 900, rows, 1);
    expect(height).toBe(299); // the edge at 298 px: the row 298–319.5 starts there
    expect(cutBy(height, rows)).toEqual([]);
  });

  test('a line inside a taller one (a checkbox in its label) moves the edge above both', () => {
    const nested: PanelLine[] = [...lines(10), { top: 212, bottom: 260 }, { top: 230, bottom: 246 }, ...lines(30).slice(13)];
    expect(panelHeightAtRest(240, 900, nested, 0)).toBe(212);
  });

  test('with little room (a badge low on the screen) the panel keeps a usable height and runs past the edge', () => {
    expect(panelHeightAtRest(40, 812, lines(40), 1)).toBeGreaterThanOrEqual(160);
  });
});
