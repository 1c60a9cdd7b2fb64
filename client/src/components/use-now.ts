import { useEffect, useState } from 'react';
import { DateTime } from 'luxon';

/** The current time, re-rendering every `intervalMs` (live clocks and countdowns). */
export function useNow(intervalMs = 1000): DateTime {
  const [now, setNow] = useState(() => DateTime.now());
  useEffect(() => {
    const id = setInterval(() => setNow(DateTime.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}
