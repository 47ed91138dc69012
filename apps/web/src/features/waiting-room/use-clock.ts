// Milliseconds until `targetMs` by the server's clock (device time + offset), ticking every second.
import { useEffect, useState } from 'react';

export const useMsUntil = (targetMs: number | null, clockOffsetMs = 0) => {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (targetMs === null) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [targetMs]);
  return targetMs === null ? null : targetMs - (now + clockOffsetMs);
};
