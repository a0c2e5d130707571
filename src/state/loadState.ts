/** An asynchronous result as one value, so the UI never sees data and error disagree. */
export type LoadState<T> =
  | { readonly status: 'idle' }
  | { readonly status: 'loading'; readonly previous: T | null }
  | { readonly status: 'ok'; readonly data: T }
  | { readonly status: 'error'; readonly message: string; readonly previous: T | null };

/** The latest data a state holds, whatever it is doing now. */
export function latest<T>(state: LoadState<T>): T | null {
  switch (state.status) {
    case 'ok':
      return state.data;
    case 'loading':
    case 'error':
      return state.previous;
    case 'idle':
      return null;
  }
}
