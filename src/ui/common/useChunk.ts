import { useLayoutEffect, useState } from 'preact/hooks';

/**
 * A component from a chunk of its own, fetched when the page first needs it (the full report's,
 * the settings form's, the panel's drill-down, the lead card's block): null until it arrives,
 * `failed` when the fetch failed, `retry` to fetch it again. A chunk that arrives after the
 * component unmounted is dropped: nothing renders into a panel that is gone.
 */
export function useChunk<T>(load: () => Promise<T>): {
  readonly value: T | null;
  readonly failed: boolean;
  readonly retry: () => void;
} {
  const [value, setValue] = useState<T | null>(null);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  useLayoutEffect(() => {
    let live = true;
    setFailed(false);
    load().then(
      loaded => {
        // A function is a component here: set it as the value, not as an updater.
        if (live) setValue(() => loaded);
      },
      () => {
        if (live) setFailed(true);
      },
    );
    return () => {
      live = false;
    };
  }, [attempt]);
  return { value, failed, retry: () => setAttempt(a => a + 1) };
}
