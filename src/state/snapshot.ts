/**
 * The last numbers a panel showed, kept in the browser's storage so the next page load shows
 * them at once — labelled with the moment they are exact for — while the worker reads the cache
 * and computes the current ones (issue #8: first numbers on a warm load in under a second; the
 * cache itself takes seconds to read at a million status changes). One snapshot per account,
 * user and pipeline, so storage holds a few tens of kilobytes however many periods are viewed.
 */
import { z } from 'zod/mini';
import type { ReportView } from './service/types';

/** Bump when the report's shape changes: a snapshot of another format is dropped, not read. */
export const SNAPSHOT_FORMAT = 1;
/** Older numbers would mislead more than a second of progress bar does. */
export const SNAPSHOT_MAX_AGE_S = 24 * 3600;

export interface SnapshotStorage {
  get(key: string): string | null;
  set(key: string, value: string): void;
}

export interface Snapshot {
  /** When the numbers were computed (epoch s): the report's `now`. */
  readonly at: number;
  readonly view: ReportView;
}

/*
 * The envelope and the parts of the report every view indexes are checked; the rest is trusted
 * as our own write of the same format (as the IndexedDB cache is), never rendered as HTML.
 */
const id = z.number().check(z.int());
const ReportShape = z.looseObject({
  pipeline: z.looseObject({ id, name: z.string() }),
  period: z.looseObject({ from: z.number(), to: z.number() }),
  now: z.number(),
  totals: z.looseObject({}),
  stages: z.array(z.looseObject({ id, name: z.string() })),
  stuck: z.array(z.unknown()),
  managers: z.array(z.unknown()),
  lossReasons: z.array(z.unknown()),
  previous: z.looseObject({}),
  forecast: z.looseObject({}),
  won: z.looseObject({ reached: z.number() }),
  options: z.looseObject({}),
});
const EnvelopeSchema = z.object({
  format: z.literal(SNAPSHOT_FORMAT),
  /** The choices the numbers were computed for (`snapshotKey`). */
  key: z.string(),
  view: z.object({
    report: ReportShape,
    lists: z.literal('none'),
    leadNames: z.record(z.string(), z.string()),
    // Snapshots written before side stages existed have none: nothing to suggest from them.
    departures: z._default(
      z.array(
        z.object({
          stageId: id,
          leaves: z.number(),
          back: z.number(),
          lost: z.number(),
          suggested: z.boolean(),
        }),
      ),
      [],
    ),
  }),
});

export function storageKey(scope: {
  readonly accountId: number;
  readonly userId: number;
  readonly pipelineId: number;
}): string {
  return `snapshot:${scope.accountId}:${scope.userId}:${scope.pipelineId}`;
}

/** The stored snapshot when it was computed for `key`, is young enough and reads as one. */
export function readSnapshot(
  storage: SnapshotStorage,
  at: string,
  key: string,
  nowS: number,
): Snapshot | null {
  const text = storage.get(at);
  if (text === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = EnvelopeSchema.safeParse(json);
  if (!parsed.success || parsed.data.key !== key) return null;
  const view = parsed.data.view as unknown as ReportView;
  const age = nowS - view.report.now;
  return age >= 0 && age <= SNAPSHOT_MAX_AGE_S ? { at: view.report.now, view } : null;
}

/** What the settings take from a pipeline's last snapshot (metrics.md 11.3, 5.3). */
export interface SnapshotHints {
  /** When those numbers were computed (epoch s). */
  readonly at: number;
  readonly departures: ReportView['departures'];
  /**
   * Stuck thresholds learned from history, hours by stage id. Only `learned` ones: a setting or
   * the 7-day default says nothing about what the history would give.
   */
  readonly learned: ReadonlyMap<number, number>;
}

/**
 * What the last snapshot of a pipeline says of its stages, whatever period it was for and however
 * old: the settings suggest side stages and show learned thresholds from it. Null: none kept, or
 * one that does not read as ours.
 */
export function readSnapshotHints(storage: SnapshotStorage, at: string): SnapshotHints | null {
  const text = storage.get(at);
  if (text === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = EnvelopeSchema.safeParse(json);
  if (!parsed.success) return null;
  const learned = new Map<number, number>();
  for (const s of (parsed.data.view as unknown as ReportView).report.stages) {
    // Checked again: the envelope schema trusts the stages' other fields as our own write.
    if (s.stuckThresholdSource === 'learned' && Number.isFinite(s.stuckThresholdHours)) {
      learned.set(s.id, s.stuckThresholdHours);
    }
  }
  return { at: parsed.data.view.report.now, departures: parsed.data.view.departures, learned };
}

/** Keeps a deal-list-free view (lists `none`); a full view's lists would not fit in storage. */
export function writeSnapshot(
  storage: SnapshotStorage,
  at: string,
  key: string,
  view: ReportView,
): void {
  if (view.lists !== 'none') return;
  // The filter's choices are not kept (undefined drops out of the JSON): they can run to tens of
  // kilobytes, and the filter waits for the current report anyway.
  const kept: ReportView = { ...view, facets: undefined };
  storage.set(at, JSON.stringify({ format: SNAPSHOT_FORMAT, key, view: kept }));
}
