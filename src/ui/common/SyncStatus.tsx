// Loaded for its effect: it makes this component re-render when a signal it reads changes.
import '@preact/signals';
import type { VNode } from 'preact';
import type { Activity, DataModel, ServiceStatus } from '../../state';
import type { Translate } from '../../i18n';
import type { Formatters } from '../format';
import { useEnv } from '../env';
import { useNow } from './useNow';

export interface Props {
  readonly data: DataModel;
}

/** Freshness moves in minutes; a retry countdown in seconds. */
const FRESHNESS_TICK_MS = 30_000;
const COUNTDOWN_TICK_MS = 1_000;

/** What the service is doing, in words; null when idle. */
function activityText(t: Translate, fmt: Formatters, s: ServiceStatus): string | null {
  const a: Activity = s.activity;
  switch (a.kind) {
    case 'idle':
      return null;
    case 'opening':
      return t('fl.common.sync.loading');
    case 'other-tab':
      return t('fl.common.sync.otherTab');
    case 'syncing':
      if (a.stage === 'window' || s.syncedAt === null) return t('fl.common.sync.window');
      if (a.stage === 'backfill')
        return a.heldFrom === null
          ? t('fl.common.sync.backfillStart')
          : t('fl.common.sync.backfill', { date: fmt.date(a.heldFrom) });
      return t('fl.common.sync.refreshing');
  }
}

/** "45 % · about 2 min left", or just the percentage before there is a rate. */
function progressText(t: Translate, fmt: Formatters, a: Activity): string | null {
  if (a.kind !== 'syncing' || a.fraction === null) return null;
  const percent = fmt.percent(a.fraction);
  return a.secondsLeft === null
    ? percent
    : t('fl.common.sync.progress', { percent, left: fmt.duration(a.secondsLeft) });
}

/** How much history the numbers rest on: since a date, or all of it. */
function historyText(t: Translate, fmt: Formatters, s: ServiceStatus): string | null {
  if (s.phase === 'none') return null;
  if (s.phase === 'window')
    return s.heldFrom === null
      ? null
      : t('fl.common.sync.heldWindow', { date: fmt.date(s.heldFrom) });
  return s.heldFrom === null
    ? t('fl.common.sync.heldAll')
    : t('fl.common.sync.heldFrom', { date: fmt.date(s.heldFrom) });
}

/**
 * How fresh the numbers are, how much history they rest on, and what the data service is doing:
 * loading the window or older history (with a percentage and the time left, estimated from the
 * dates seen), refreshing, waiting for another tab, or waiting out a rate limit or retry.
 */
export function SyncStatus({ data }: Props): VNode {
  const { t, fmt } = useEnv();
  const status = data.status.value;
  const wait = data.wait.value;
  const now = useNow(wait ? COUNTDOWN_TICK_MS : FRESHNESS_TICK_MS);
  // At zero the retry is in the air: "continuing in 0 s" would read as a hang until it answers.
  const left = wait ? Math.ceil((wait.until - now) / 1000) : null;
  const activity = activityText(t, fmt, status);
  const progress = progressText(t, fmt, status.activity);
  const held = historyText(t, fmt, status);
  const a = status.activity;
  const syncing = a.kind === 'syncing' || a.kind === 'opening';
  const percent = a.kind === 'syncing' && a.fraction !== null ? Math.round(a.fraction * 100) : null;
  return (
    <div class="fl-sync">
      <p class="fl-sync__fresh">
        {status.syncedAt === null ? (
          a.kind === 'idle' && <span class="fl-muted">{t('fl.common.sync.never')}</span>
        ) : (
          <time class="fl-muted" dateTime={new Date(status.syncedAt * 1000).toISOString()}>
            {t('fl.common.sync.updated', { ago: fmt.ago(status.syncedAt * 1000, now) })}
          </time>
        )}
        {held && <span class="fl-muted fl-sync__held"> · {held}</span>}
      </p>
      <div class="fl-sync__activity" role="status">
        {activity && <p class="fl-sync__text">{activity}</p>}
        {syncing && (
          <div
            class={percent === null ? 'fl-progress' : 'fl-progress fl-progress--known'}
            role="progressbar"
            aria-label={activity ?? undefined}
            aria-valuemin={percent === null ? undefined : 0}
            aria-valuemax={percent === null ? undefined : 100}
            aria-valuenow={percent ?? undefined}
            aria-valuetext={progress ?? undefined}
          >
            <span
              class="fl-progress__bar"
              style={percent === null ? undefined : { width: `${percent}%` }}
            />
          </div>
        )}
        {progress && <p class="fl-sync__counts fl-num">{progress}</p>}
      </div>
      {left !== null && left > 0 && wait && (
        <p class="fl-sync__wait" role="timer">
          {t(`fl.common.sync.wait.${wait.reason}`, { seconds: left })}
        </p>
      )}
    </div>
  );
}
