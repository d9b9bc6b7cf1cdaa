import { useEffect, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';

const ROW_HEIGHT = 30;

/**
 * The one way a long table draws only the rows on screen: a scroller, the rows in view, the padding above and below
 * them, and the focused row kept in view (`align`: 'auto' moves as little as needed, 'center' jumps to it).
 */
export function useVirtualRows(count: number, focusIndex: number, align: 'auto' | 'center' = 'auto') {
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  useEffect(() => {
    if (focusIndex >= 0) virtual.scrollToIndex(focusIndex, { align });
  }, [focusIndex, virtual, align]);
  const items = virtual.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = items.length ? virtual.getTotalSize() - items[items.length - 1]!.end : 0;
  return { scroller, items, padTop, padBottom };
}
