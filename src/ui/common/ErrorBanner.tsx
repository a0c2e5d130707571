import type { VNode } from 'preact';
import type { EngineError, Shown, SyncFailure } from '../../state';
import type { I18nKey } from '../../i18n';
import { useEnv } from '../env';
import { useNow } from './useNow';

/** A failure to show: a request to amoCRM (or a sync), or the engine failing to compute. */
export type BannerError = SyncFailure | Pick<EngineError, 'name' | 'code'>;

// An ApiError passed as a SyncFailure has a `name` too, so the test reads it as data.
const isEngine = (e: BannerError): e is Pick<EngineError, 'name' | 'code'> =>
  (e as { readonly name?: unknown }).name === 'EngineError';

export interface Props {
  readonly error: BannerError | null;
  /** Offers a retry button (not for 401: only a reload helps there, and the message says so). */
  readonly onRetry?: (() => void) | undefined;
  /**
   * For a failed sync under numbers (or none): what is on screen, from the model's notice. Left
   * out where the failure is all there is to say (a one-off load).
   */
  readonly shown?: Shown | undefined;
  /** Epoch ms of the automatic retry, if one is scheduled. */
  readonly retryAt?: number | null | undefined;
}

/** The message of a failure: API codes by `fl.errors.<CODE>`, engine codes under `engine`. */
function messageKey(error: BannerError): I18nKey {
  return isEngine(error) ? `fl.errors.engine.${error.code}` : `fl.errors.${error.code}`;
}

/**
 * Failures the user cannot fix by waiting or reloading alone: amoCRM answering in a shape or with
 * a refusal we did not expect, or the computation failing. Their messages name where to get help.
 */
const NEEDS_HELP: ReadonlySet<string> = new Set([
  'SCHEMA',
  'HTTP',
  'BAD_REQUEST',
  'CACHE',
  'engine.FAILED',
  'engine.WORKER_FAILED',
]);

/** The publisher's contacts, as links; nothing where the build has none. */
function Help(): VNode | null {
  const { t, support } = useEnv();
  if (support === null) return null;
  return (
    <p class="fl-error__help">
      {t('fl.common.support.ask')}{' '}
      <a href={`mailto:${support.supportEmail}`}>{support.supportEmail}</a>
      {' · '}
      <a href={support.supportLink} target="_blank" rel="noopener noreferrer">
        {t('fl.common.support.site')}
      </a>
    </p>
  );
}

/** A retry countdown moves in seconds; the age of the numbers in minutes. */
const COUNTDOWN_TICK_MS = 1_000;
const AGE_TICK_MS = 30_000;

/** What the numbers on screen are, and when the widget tries again: both move with the clock. */
function SyncContext({ shown, retryAt }: { shown: Shown; retryAt: number | null }): VNode {
  const { t, fmt } = useEnv();
  const now = useNow(retryAt === null ? AGE_TICK_MS : COUNTDOWN_TICK_MS);
  const dated = (at: number) => ({ time: fmt.dateTime(at), ago: fmt.ago(at * 1000, now) });
  const what =
    shown.kind === 'nothing'
      ? t('fl.common.notice.nothing')
      : shown.kind === 'snapshot'
        ? t('fl.common.notice.snapshot', dated(shown.at))
        : shown.syncedAt === null
          ? t('fl.common.notice.heldUndated')
          : t('fl.common.notice.held', dated(shown.syncedAt));
  const left = retryAt === null ? null : Math.ceil((retryAt - now) / 1000);
  return (
    <>
      <p class="fl-error__shown">{what}</p>
      {left !== null && (
        <p class="fl-error__next" role="timer">
          {left > 0
            ? t('fl.common.notice.retryIn', { left: fmt.duration(left) })
            : t('fl.common.notice.retryNow')}
        </p>
      )}
    </>
  );
}

/**
 * Says what went wrong in the user's words, and — for a failed sync — what the numbers on screen
 * are and when the widget tries again. It sits ABOVE the numbers and never replaces them. Only
 * codes are translated: the server's own text (`detail`) is never shown, as it is neither in the
 * user's language nor meant for them.
 */
export function ErrorBanner({ error, onRetry, shown, retryAt }: Props): VNode | null {
  const { t } = useEnv();
  // A disposal is the mount going away, not something the user should hear about.
  if (!error || (isEngine(error) && error.code === 'DISPOSED')) return null;
  const api = isEngine(error) ? null : error;
  const text = t(messageKey(error), { path: api?.path ?? t('fl.common.errorSomewhere') });
  return (
    <div class="fl-error" role="alert">
      <p class="fl-error__text">{text}</p>
      {shown && <SyncContext shown={shown} retryAt={retryAt ?? null} />}
      {NEEDS_HELP.has(isEngine(error) ? `engine.${error.code}` : error.code) && <Help />}
      {onRetry && error.code !== 'UNAUTHORIZED' && (
        <button type="button" class="fl-error__retry" onClick={onRetry}>
          {t('fl.common.retry')}
        </button>
      )}
    </div>
  );
}
