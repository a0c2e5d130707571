import type { Pipeline } from '../core';
import { snapshotStorageKey } from '../state';
import type { Host } from './host';

/**
 * The stuck thresholds last learned from history, by stage id (hours), as the panel's last
 * numbers kept in the browser hold them (state/snapshot.ts). Only `learned` ones: a threshold
 * from a setting or the 7-day default says nothing about what the history would give. Anything
 * unreadable is simply left out: the field then says "from history" without a value.
 */
export function learnedThresholds(host: Host, pipelines: readonly Pipeline[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const p of pipelines) {
    const text = host.storage.get(
      snapshotStorageKey({ accountId: host.account.id, userId: host.user.id, pipelineId: p.id }),
    );
    if (text === null) continue;
    try {
      const stages = (JSON.parse(text) as { view?: { report?: { stages?: unknown } } }).view?.report
        ?.stages;
      if (!Array.isArray(stages)) continue;
      for (const s of stages as {
        id?: unknown;
        stuckThresholdHours?: unknown;
        stuckThresholdSource?: unknown;
      }[]) {
        if (
          typeof s.id === 'number' &&
          typeof s.stuckThresholdHours === 'number' &&
          s.stuckThresholdSource === 'learned'
        ) {
          out.set(s.id, s.stuckThresholdHours);
        }
      }
    } catch {
      // A snapshot of another shape or a broken write: no learned values from it.
    }
  }
  return out;
}
