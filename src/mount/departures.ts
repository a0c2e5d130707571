import type { Pipeline, SideCandidate } from '../core';
import { readDepartures, snapshotStorageKey } from '../state';
import type { Host } from './host';

/**
 * Each stage's departures as the panel last computed them for this user (state/snapshot.ts),
 * whatever period and however old: what the settings suggest side stages from. A pipeline no
 * panel has shown yet has none, and its stages carry no suggestion.
 */
export function lastDepartures(
  host: Host,
  pipelines: readonly Pipeline[],
): Map<number, SideCandidate> {
  const out = new Map<number, SideCandidate>();
  for (const p of pipelines) {
    const key = snapshotStorageKey({
      accountId: host.account.id,
      userId: host.user.id,
      pipelineId: p.id,
    });
    for (const d of readDepartures(host.storage, key)?.departures ?? []) out.set(d.stageId, d);
  }
  return out;
}
