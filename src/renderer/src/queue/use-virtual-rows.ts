import { useEffect, useLayoutEffect, useRef, useState } from 'react';

const ROW_HEIGHT = 30;
// Rows drawn beyond each edge of the view: enough for a wheel step, few enough that a keystroke redraws little.
const OVERSCAN = 6;

/**
 * The one way a long table draws only the rows on screen: a scroller (and its width once measured), the rows in
 * view, the padding above and below them, and the focused row kept wholly in view below the sticky header (`align`:
 * 'auto' moves as little as needed, 'center' jumps to it).
 * Rows are one fixed height, so the rows in view are arithmetic on the scroll offset: nothing is built per row, and a
 * count that changes with each page or keystroke over 100,000 rows costs nothing (a virtualizer that keeps one
 * measurement object per row rebuilt all of them each time).
 */
export function useVirtualRows(count: number, focusIndex: number, align: 'auto' | 'center' = 'auto') {
  const scroller = useRef<HTMLDivElement>(null);
  // The window's height until the scroller is measured: the first render already draws the rows in view, so the
  // measure after it trims a few instead of adding all of them in a second render and layout. Width 0: not measured.
  const [port, setPort] = useState(() => ({ top: 0, height: window.innerHeight, width: 0 }));
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const read = () =>
      setPort((p) =>
        p.top === el.scrollTop && p.height === el.clientHeight && p.width === el.clientWidth
          ? p
          : { top: el.scrollTop, height: el.clientHeight, width: el.clientWidth },
      );
    read();
    el.addEventListener('scroll', read, { passive: true });
    const resized = new ResizeObserver(read);
    resized.observe(el);
    return () => {
      el.removeEventListener('scroll', read);
      resized.disconnect();
    };
  }, []);
  useEffect(() => {
    const el = scroller.current;
    if (focusIndex < 0 || !el) return;
    // The sticky header covers the scroller's top: rows start below it and are seen only below it.
    const head = el.querySelector('thead')?.getBoundingClientRect().height ?? 0;
    const start = head + focusIndex * ROW_HEIGHT;
    const end = start + ROW_HEIGHT;
    if (align === 'center') el.scrollTop = start - head - (el.clientHeight - head - ROW_HEIGHT) / 2;
    else if (start < el.scrollTop + head) el.scrollTop = start - head;
    else if (end > el.scrollTop + el.clientHeight) el.scrollTop = Math.ceil(end - el.clientHeight);
  }, [focusIndex, align]);
  const first = Math.max(0, Math.min(count, Math.floor(port.top / ROW_HEIGHT)) - OVERSCAN);
  const last = Math.min(count, Math.ceil((port.top + port.height) / ROW_HEIGHT) + OVERSCAN);
  const items: { index: number }[] = [];
  for (let index = first; index < last; index++) items.push({ index });
  const padTop = first * ROW_HEIGHT;
  const padBottom = items.length ? (count - last) * ROW_HEIGHT : 0;
  return { scroller, items, padTop, padBottom, width: port.width };
}
