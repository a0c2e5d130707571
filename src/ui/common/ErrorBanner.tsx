import type { VNode } from 'preact';
import type { ApiError } from '../../state';
import type { I18nKey } from '../../i18n';
import { useEnv } from '../env';

/** A failure to show: one from the API layer, or the engine failing to compute a report. */
export type BannerError =
  | Pick<ApiError, 'code' | 'path' | 'detail'>
  | { readonly code: 'ENGINE'; readonly message: string };

export interface Props {
  readonly error: BannerError | null;
  /** Offers a retry button (not for 401: only a reload helps there, and the message says so). */
  readonly onRetry?: (() => void) | undefined;
}

/**
 * Says what went wrong in the user's words. It sits ABOVE the numbers and never replaces them:
 * whatever was cached stays on screen, so a failed refresh costs nothing but freshness.
 */
export function ErrorBanner({ error, onRetry }: Props): VNode | null {
  const { t } = useEnv();
  if (!error) return null;
  const key: I18nKey = `fl.errors.${error.code}`;
  const text =
    error.code === 'ENGINE'
      ? t(key, { message: error.message })
      : t(key, { path: error.path ?? t('fl.common.errorSomewhere'), message: error.detail ?? '' });
  const detail = error.code !== 'ENGINE' && error.detail ? error.detail : null;
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
