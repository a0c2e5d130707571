// Loaded for its effect: it makes this component re-render when a signal it reads changes.
import '@preact/signals';
import type { VNode } from 'preact';
import type { SyncProgress } from '../../state';
import type { DataModel } from '../../state';
import { useEnv } from '../env';
import { useNow } from './useNow';

export interface Props {
  readonly data: DataModel;
}

/** Freshness moves in minutes; a retry countdown in seconds. */
const FRESHNESS_TICK_MS = 30_000;
const COUNTDOWN_TICK_MS = 1_000;

/**
 * How fresh the numbers are and what the data model is doing: syncing (with counts, since amoCRM
 * never tells totals up front), waiting for another tab, or waiting out a rate limit or retry.
 */
export function SyncStatus({ data }: Props): VNode {
  const { t, fmt } = useEnv();
  const status = data.status.value;
  const wait = data.wait.value;
  const syncedAt = data.data.value?.syncedAt ?? null;
  const now = useNow(wait ? COUNTDOWN_TICK_MS : FRESHNESS_TICK_MS);

  const counts = (p: SyncProgress) =>
    t('fl.common.sync.counts', {
      pages: fmt.int(p.pages),
      leads: fmt.int(p.leads),
      events: fmt.int(p.events),
    });
  let activity: string | null = null;
  if (status.kind === 'loading') activity = t('fl.common.sync.loading');
  else if (status.kind === 'other-tab') activity = t('fl.common.sync.otherTab');
  else if (status.kind === 'syncing')
    activity = t(status.first ? 'fl.common.sync.first' : 'fl.common.sync.refreshing');

  return (
    <div class="fl-sync">
      <p class="fl-sync__fresh">
        {syncedAt === null ? (
          status.kind === 'idle' && <span class="fl-muted">{t('fl.common.sync.never')}</span>
        ) : (
          <time class="fl-muted" dateTime={new Date(syncedAt * 1000).toISOString()}>
            {t('fl.common.sync.updated', { ago: fmt.ago(syncedAt * 1000, now) })}
          </time>
        )}
      </p>
      <div class="fl-sync__activity" role="status">
        {activity && <p class="fl-sync__text">{activity}</p>}
        {status.kind === 'syncing' && (
          <div
            class="fl-progress"
            role="progressbar"
            aria-label={activity ?? undefined}
            aria-valuetext={status.progress ? counts(status.progress) : undefined}
          >
            <span class="fl-progress__bar" />
          </div>
        )}
        {status.kind === 'syncing' && status.progress && (
          <p class="fl-sync__counts fl-num">{counts(status.progress)}</p>
        )}
      </div>
      {wait && (
        <p class="fl-sync__wait" role="timer">
          {t(`fl.common.sync.wait.${wait.reason}`, {
            seconds: Math.max(0, Math.ceil((wait.until - now) / 1000)),
          })}
        </p>
      )}
    </div>
  );
}
