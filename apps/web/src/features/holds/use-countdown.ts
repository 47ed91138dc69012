// Milliseconds left until `expiresAt`, ticking every second, plus the latest milestone to announce.
import { useEffect, useRef, useState } from 'react';
import { countdownAnnouncement } from './countdown.ts';

export const useCountdown = (expiresAt: string, onExpired?: () => void) => {
  const deadline = new Date(expiresAt).getTime();
  const [remainingMs, setRemainingMs] = useState(() => deadline - Date.now());
  const [announcement, setAnnouncement] = useState('');
  const previous = useRef(remainingMs);
  const expiredCallback = useRef(onExpired);
  expiredCallback.current = onExpired;

  useEffect(() => {
    const tick = () => {
      const next = deadline - Date.now();
      const message = countdownAnnouncement({ previousMs: previous.current, remainingMs: next });
      if (message) setAnnouncement(message);
      if (previous.current > 0 && next <= 0) expiredCallback.current?.();
      previous.current = next;
      setRemainingMs(next);
    };
    tick();
    const timer = window.setInterval(tick, 1000);
    return () => window.clearInterval(timer);
  }, [deadline]);

  return { remainingMs, announcement };
};
