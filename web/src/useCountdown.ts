import { useEffect, useState } from 'react';

/** Seconds left of a countdown; `start(n)` begins one, and it ticks down to 0 once a second. */
export function useCountdown(): { secondsLeft: number; start: (seconds: number) => void } {
  const [deadline, setDeadline] = useState(0);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (deadline <= now) return;
    const timer = setTimeout(() => setNow(Date.now()), Math.min(1000, deadline - now));
    return () => clearTimeout(timer);
  }, [deadline, now]);

  const start = (seconds: number) => {
    const current = Date.now();
    setNow(current);
    setDeadline(current + seconds * 1000);
  };
  return { secondsLeft: Math.max(0, Math.ceil((deadline - now) / 1000)), start };
}
