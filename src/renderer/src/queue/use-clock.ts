import { useEffect, useState } from 'react';

/** Ages and countdowns move with the clock, not only with new data: the screen re-renders every `everyMs`. */
export function useClock(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(t);
  }, [everyMs]);
  return now;
}
