import type { Pipeline, SideCandidate } from '../core';
import { readSnapshotHints, snapshotStorageKey } from '../state';
import type { Host } from './host';

export interface SettingsHints {
  /** Stuck thresholds last learned from history, hours by stage id. */
  readonly learned: Map<number, number>;
  /** Each stage's departures as the panel last computed them: what side stages are suggested from. */
  readonly departures: Map<number, SideCandidate>;
}

/**
 * What the panel's last numbers kept in the browser (state/snapshot.ts) tell the settings, for
 * this user: one read per pipeline. A pipeline no panel has shown yet gives nothing, and its
 * fields then say "from history" without a value and suggest no side stage.
 */
export function settingsHints(host: Host, pipelines: readonly Pipeline[]): SettingsHints {
  const learned = new Map<number, number>();
  const departures = new Map<number, SideCandidate>();
  for (const p of pipelines) {
    const key = snapshotStorageKey({
      accountId: host.account.id,
      userId: host.user.id,
      pipelineId: p.id,
    });
    const hints = readSnapshotHints(host.storage, key);
    if (hints === null) continue;
    for (const [stageId, hours] of hints.learned) learned.set(stageId, hours);
    for (const d of hints.departures) departures.set(d.stageId, d);
  }
  return { learned, departures };
}
