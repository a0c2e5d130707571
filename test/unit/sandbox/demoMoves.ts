import { DEMO_DEFAULT_LEADS, DEMO_DEFAULT_SEED, generateDemoAccount } from '../../../sandbox/demo';
import type { DemoAccount } from '../../../sandbox/demo/types';

/** The demo tests' fixed instant: every generated time is before it. */
export const NOW = 1_767_000_000;

/** The default demo account at NOW, as `npm start` serves it. */
export const demoAccountAtNow = (): DemoAccount =>
  generateDemoAccount({ seed: DEMO_DEFAULT_SEED, leads: DEMO_DEFAULT_LEADS, now: NOW });

export interface Move {
  at: number;
  from: { pipeline: number; status: number };
  to: { pipeline: number; status: number };
}

/** Each lead's status changes, oldest first, as plain moves. */
export function movesByLead(account: DemoAccount): Map<number, Move[]> {
  const movesOf = new Map<number, Move[]>();
  for (const e of account.events) {
    if (e.type !== 'lead_status_changed') continue;
    const b = e.value_before[0]!.lead_status;
    const a = e.value_after[0]!.lead_status;
    const list = movesOf.get(e.entity_id) ?? [];
    list.push({
      at: e.created_at,
      from: { pipeline: b.pipeline_id, status: b.id },
      to: { pipeline: a.pipeline_id, status: a.id },
    });
    movesOf.set(e.entity_id, list);
  }
  return movesOf;
}
