import { useLayoutEffect, useState } from 'preact/hooks';
import { useEnv } from '../env';

/**
 * The mount's clock, read at every render, with a re-render every `everyMs` so relative times
 * ("3 мин назад", a countdown) move on an open panel. A layout effect, not a passive one: Preact
 * 11 defers passive-effect cleanup on unmount, and unmounting must leave no interval behind
 * (style guide 3.6).
 */
export function useNow(everyMs: number): number {
  const env = useEnv();
  const [, setTick] = useState(0);
  useLayoutEffect(() => {
    const timer = setInterval(() => setTick(n => n + 1), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return env.clock();
}
