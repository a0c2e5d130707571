import { useLayoutEffect, useMemo, useState } from 'preact/hooks';
import type { ApiClient, ApiError } from '../api';
import { toApiError } from '../api';
import type { Host } from './host';

export type Once<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'ok'; readonly value: T }
  | { readonly status: 'error'; readonly error: ApiError };

/**
 * Reads a little from the API once (the pipelines list, one lead), abortable when the component
 * goes or `key` changes, with the failure kept and a retry that reads again.
 */
export function useOnce<T>(
  host: Host,
  read: (client: ApiClient, signal: AbortSignal) => Promise<T>,
  key: unknown,
): { readonly state: Once<T>; readonly retry: () => void } {
  const client = useMemo(() => host.createClient({ onWait: () => undefined }), [host]);
  const [state, setState] = useState<Once<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useLayoutEffect(() => {
    const abort = new AbortController();
    setState({ status: 'loading' });
    read(client, abort.signal).then(
      value => {
        if (!abort.signal.aborted) setState({ status: 'ok', value });
      },
      (error: unknown) => {
        if (!abort.signal.aborted) setState({ status: 'error', error: toApiError(error) });
      },
    );
    return () => abort.abort();
  }, [client, attempt, key]);
  return { state, retry: () => setAttempt(a => a + 1) };
}
