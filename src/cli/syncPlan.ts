/**
 * What `funnel-lens sync` reads, built from the widget's own loaders so that a dump holds exactly
 * what the widget would hold: the whole history (the truth `report` is checked against), the
 * window first (`--from`, what the panel has before its backfill), or what changed (`--since`).
 */
import type { Lead, Pipeline } from '../core';
import type { HistorySource, LoadProgress } from '../sync';
import {
  createdSinceList,
  loadWindow,
  readEventList,
  readKeysetList,
  refresh,
  SYNC_EVENT_TYPES,
} from '../sync';

export interface Counts {
  leads: number;
  changes: number;
}

export interface Plan {
  readonly source: HistorySource;
  /** null = every pipeline. */
  readonly pipeline: Pipeline | null;
  readonly pipelines: readonly Pipeline[];
  readonly until: number;
  readonly onProgress: (line: string) => void;
}

function counter(): { counts: Counts; sink: Parameters<typeof readKeysetList>[0]['sink'] } {
  const counts = { leads: 0, changes: 0 };
  return {
    counts,
    sink: {
      leads: list => {
        counts.leads += list.length;
      },
      changes: list => {
        counts.changes += list.length;
      },
    },
  };
}

const line = (what: string, c: Counts) =>
  `${what}: ${c.leads.toLocaleString('en')} leads · ${c.changes.toLocaleString('en')} stage changes`;

/** Every lead (of the pipeline) and every status change, deletion and restoration up to `until`. */
export async function readAll(plan: Plan): Promise<Counts> {
  const { counts, sink } = counter();
  const load = { source: plan.source, sink };
  const leads = plan.pipeline
    ? createdSinceList(plan.pipeline, 0)
    : ({ filter: {}, field: 'created_at', direction: 'asc' } as const);
  await readKeysetList(load, leads, () => plan.onProgress(line('leads', counts)));
  await readEventList(
    load,
    { types: SYNC_EVENT_TYPES, entity: 'lead', createdTo: plan.until },
    () => plan.onProgress(line('events', counts)),
  );
  return counts;
}

/** The window from `from` on, as the widget loads it first (needs a pipeline). */
export async function readWindow(
  plan: Plan & { pipeline: Pipeline },
  from: number,
): Promise<Counts> {
  const { counts, sink } = counter();
  const onProgress = (p: LoadProgress) =>
    plan.onProgress(
      `${line('window', counts)}${p.fraction === null ? '' : ` · ${Math.round(p.fraction * 100)}%`}`,
    );
  await loadWindow({ ...plan, sink, onProgress }, from, plan.until, from);
  return counts;
}

/**
 * What changed since the sync that started at `syncedAt` (leads in any pipeline, status changes,
 * deletions, the history of newcomers), read with the widget's overlap before it.
 */
export async function readSince(
  plan: Plan,
  syncedAt: number,
  held: readonly Lead[],
): Promise<Counts> {
  const { counts, sink } = counter();
  const ids = new Set(held.map(l => l.id));
  await refresh(
    {
      source: plan.source,
      sink,
      pipelineId: plan.pipeline?.id ?? null,
      held: id => ids.has(id),
      onProgress: () => plan.onProgress(line('changes', counts)),
    },
    { from: null, target: null, backfill: null, syncedAt },
    plan.until,
  );
  return counts;
}
