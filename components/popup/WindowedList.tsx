import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';

interface WindowedListProps<T> {
  items: readonly T[];
  itemKey: (item: T) => string;
  /** How tall a row is (CSS keeps it so); it lets the list place rows without measuring them. */
  rowHeight: (item: T) => number;
  renderRow: (item: T) => ComponentChildren;
  label: string;
  /** Rows rendered beyond the visible ones, so Tab and fast scrolling find rows ready. */
  overscan?: number;
  /** Used until the list has a measured height (first paint, or an environment without layout). */
  fallbackHeight?: number;
}

/** The index of the last row starting at or above `y` (offsets ascending, offsets[0] = 0). */
function rowAt(offsets: readonly number[], y: number): number {
  let low = 0;
  let high = offsets.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if ((offsets[middle] ?? 0) <= y) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * Renders only the rows in view (plus a margin) inside a full-height spacer, so 500 tickets cost
 * what 15 do. Rows keep `aria-setsize`/`aria-posinset`, so screen readers still hear "3 of 500".
 */
export function WindowedList<T>({ items, itemKey, rowHeight, renderRow, label, overscan = 6, fallbackHeight = 480 }: WindowedListProps<T>) {
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(0);

  useEffect(() => {
    const element = viewport.current;
    if (!element) return;
    const measure = () => setHeight(element.clientHeight);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // offsets[i] = top of row i; offsets[items.length] = the whole height.
  const offsets = useMemo(() => {
    const tops = [0];
    for (const item of items) tops.push((tops[tops.length - 1] ?? 0) + rowHeight(item));
    return tops;
  }, [items, rowHeight]);

  const visibleHeight = height > 0 ? height : fallbackHeight;
  const total = offsets[items.length] ?? 0;
  const first = Math.max(0, rowAt(offsets, scrollTop) - overscan);
  const last = Math.min(items.length, rowAt(offsets, scrollTop + visibleHeight) + 1 + overscan);

  return (
    <div ref={viewport} class="ew-list-viewport" onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}>
      <ul class="ew-list" aria-label={label} style={{ height: `${total}px` }}>
        {items.slice(first, last).map((item, offset) => {
          const index = first + offset;
          const top = offsets[index] ?? 0;
          return (
            <li
              key={itemKey(item)}
              class="ew-list-item"
              aria-setsize={items.length}
              aria-posinset={index + 1}
              style={{ top: `${top}px`, height: `${(offsets[index + 1] ?? top) - top}px` }}
            >
              {renderRow(item)}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
