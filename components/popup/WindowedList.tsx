import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

interface WindowedListProps<T> {
  items: readonly T[];
  itemKey: (item: T) => string;
  /** Every row is this tall (CSS keeps it so); it lets the list place rows without measuring them. */
  rowHeight: number;
  renderRow: (item: T) => ComponentChildren;
  label: string;
  /** Rows rendered beyond the visible ones, so Tab and fast scrolling find rows ready. */
  overscan?: number;
  /** Used until the list has a measured height (first paint, or an environment without layout). */
  fallbackHeight?: number;
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

  const visibleHeight = height > 0 ? height : fallbackHeight;
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(items.length, Math.ceil((scrollTop + visibleHeight) / rowHeight) + overscan);

  return (
    <div ref={viewport} class="ew-list-viewport" onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}>
      <ul class="ew-list" aria-label={label} style={{ height: `${items.length * rowHeight}px` }}>
        {items.slice(first, last).map((item, offset) => {
          const index = first + offset;
          return (
            <li
              key={itemKey(item)}
              class="ew-list-item"
              aria-setsize={items.length}
              aria-posinset={index + 1}
              style={{ top: `${index * rowHeight}px`, height: `${rowHeight}px` }}
            >
              {renderRow(item)}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
