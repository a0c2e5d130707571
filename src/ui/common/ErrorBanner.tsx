import type { VNode } from 'preact';
import type { EngineError, SyncFailure } from '../../state';
import type { I18nKey } from '../../i18n';
import { useEnv } from '../env';

/** A failure to show: a request to amoCRM (or a sync), or the engine failing to compute. */
export type BannerError = SyncFailure | Pick<EngineError, 'name' | 'code'>;

// An ApiError passed as a SyncFailure has a `name` too, so the test reads it as data.
const isEngine = (e: BannerError): e is Pick<EngineError, 'name' | 'code'> =>
  (e as { readonly name?: unknown }).name === 'EngineError';

export interface Props {
  readonly error: BannerError | null;
  /** Offers a retry button (not for 401: only a reload helps there, and the message says so). */
  readonly onRetry?: (() => void) | undefined;
}

/** The message of a failure: API codes by `fl.errors.<CODE>`, engine codes under `engine`. */
function messageKey(error: BannerError): I18nKey {
  return isEngine(error) ? `fl.errors.engine.${error.code}` : `fl.errors.${error.code}`;
}

/**
 * Says what went wrong in the user's words. It sits ABOVE the numbers and never replaces them:
 * whatever was cached stays on screen, so a failed refresh costs nothing but freshness.
 */
export function ErrorBanner({ error, onRetry }: Props): VNode | null {
  const { t } = useEnv();
  // A disposal is the mount going away, not something the user should hear about.
  if (!error || (isEngine(error) && error.code === 'DISPOSED')) return null;
  const api = isEngine(error) ? null : error;
  const text = t(messageKey(error), {
    path: api?.path ?? t('fl.common.errorSomewhere'),
    message: api?.detail ?? '',
  });
  const detail = api?.detail ?? null;
  return (
    <div class="fl-error" role="alert">
      <p class="fl-error__text">{text}</p>
      {detail && <p class="fl-error__detail">{detail}</p>}
      {onRetry && error.code !== 'UNAUTHORIZED' && (
        <button type="button" class="fl-error__retry" onClick={onRetry}>
          {t('fl.common.retry')}
        </button>
      )}
    </div>
  );
}
