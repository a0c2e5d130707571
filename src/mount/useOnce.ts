import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ApiClient } from '../api';
import { ApiError } from '../api';
import type { Host, PageApi } from './host';

interface Loaded {
  readonly api: PageApi;
  readonly client: ApiClient;
}

export type Once<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'ok'; readonly value: T }
  | { readonly status: 'error'; readonly error: ApiError };

/**
 * Reads a little from the API once (the pipelines list, one lead), abortable when the component
 * goes or `key` changes, with the failure kept and a retry that reads again. Nothing is read (not
 * even the API's code) while `enabled` is false: the state stays `loading` until it turns true.
 */
export function useOnce<T>(
  host: Host,
  read: (client: ApiClient, signal: AbortSignal) => Promise<T>,
  key: unknown,
  enabled = true,
): { readonly state: Once<T>; readonly retry: () => void } {
  // The API's code arrives with the first read; then one client per host serves every read at
  // once. A failed fetch of that code is not kept: the retry fetches it again.
  const loaded = useRef<{ host: Host; ready: Promise<Loaded>; value: Loaded | null } | null>(null);
  const [state, setState] = useState<Once<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useLayoutEffect(() => {
    if (!enabled) return undefined;
    const abort = new AbortController();
    const fail = (error: ApiError) => {
      if (!abort.signal.aborted) setState({ status: 'error', error });
    };
    const run = ({ api, client }: Loaded) =>
      read(client, abort.signal).then(
        value => {
          if (!abort.signal.aborted) setState({ status: 'ok', value });
        },
        (error: unknown) => fail(api.toApiError(error)),
      );
    setState({ status: 'loading' });
    let entry = loaded.current;
    if (entry?.host !== host) {
      const ready = host
        .loadApi()
        .then(api => ({ api, client: api.createClient({ onWait: () => undefined }) }));
      const made = { host, ready, value: null as Loaded | null };
      ready.then(
        value => (made.value = value),
        () => {
          if (loaded.current === made) loaded.current = null;
        },
      );
      loaded.current = entry = made;
    }
    if (entry.value) void run(entry.value);
    else
      entry.ready.then(
        value => (abort.signal.aborted ? undefined : run(value)),
        // The API's code could not be fetched: as a request that got no answer.
        (error: unknown) => fail(new ApiError('NETWORK', { cause: error })),
      );
    return () => abort.abort();
  }, [host, attempt, key, enabled]);
  return { state, retry: () => setAttempt(a => a + 1) };
}
