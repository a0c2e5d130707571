import fc from 'fast-check';
import { generateDemoAccount } from '../../../sandbox/demo';
import type { DemoAccount, DemoEvent, DemoLead } from '../../../sandbox/demo';

/**
 * Internal consistency of the generated account: everything the emulator serves must agree with
 * itself the way a real amoCRM account does (lead state = where its events lead, closed_at and
 * loss reasons by amoCRM's rules, ids and ordering).
 */

const NOW = 1_767_000_000; // 2025-12-29 12:20 Moscow time, a Monday
const WON = 142;
const LOST = 143;

interface Ref {
  pipelineId: number;
  statusId: number;
}
type LeadAdded = Extract<DemoEvent, { type: 'lead_added' }>;
const key = (r: Ref) => `${r.pipelineId}/${r.statusId}`;
const closed = (r: Ref) => r.statusId === WON || r.statusId === LOST;
const current = (l: DemoLead): Ref => ({ pipelineId: l.pipeline_id, statusId: l.status_id });

function statusRefs(e: DemoEvent): { before: Ref; after: Ref } | null {
  if (e.type !== 'lead_status_changed') return null;
  const before = e.value_before[0]!.lead_status;
  const after = e.value_after[0]!.lead_status;
  return {
    before: { pipelineId: before.pipeline_id, statusId: before.id },
    after: { pipelineId: after.pipeline_id, statusId: after.id },
  };
}

function byLead(events: readonly DemoEvent[]): Map<number, DemoEvent[]> {
  const map = new Map<number, DemoEvent[]>();
  for (const e of events) {
    const list = map.get(e.entity_id) ?? [];
    list.push(e);
    map.set(e.entity_id, list);
  }
  return map;
}

/** Every consistency rule, as a list of readable problems (empty = consistent). */
function problems(account: DemoAccount, now: number): string[] {
  const out: string[] = [];
  const fail = (msg: string) => {
    if (out.length < 20) out.push(msg);
  };
  const statuses = new Set(
    account.pipelines.flatMap(p => p.statuses.map(s => key({ pipelineId: p.id, statusId: s.id }))),
  );
  const userGroup = new Map(account.users.map(u => [u.id, u.group_id]));
  const reasons = new Set(account.lossReasons.map(r => r.id));
  const leadIds = new Set(account.leads.map(l => l.id));
  const events = byLead(account.events);

  const ids = new Set<string>();
  const notes = new Set<number>();
  account.events.forEach((e, i) => {
    if (!/^[0-9a-z]{26}$/.test(e.id)) fail(`event ${i}: bad id ${e.id}`);
    if (ids.has(e.id)) fail(`event ${i}: duplicate id ${e.id}`);
    ids.add(e.id);
    if (i > 0 && e.created_at < account.events[i - 1]!.created_at) fail(`event ${i}: out of order`);
    if (!leadIds.has(e.entity_id)) fail(`event ${e.id}: unknown lead ${e.entity_id}`);
    if (!Number.isInteger(e.created_at) || e.created_at > now) fail(`event ${e.id}: bad time`);
  });

  account.leads.forEach((lead, i) => {
    const tag = `lead ${lead.id}`;
    const prev = account.leads[i - 1];
    if (prev && (prev.id >= lead.id || prev.created_at > lead.created_at)) {
      fail(`${tag}: ids must increase with created_at`);
    }
    for (const t of [lead.created_at, lead.updated_at, lead.closed_at, lead.closest_task_at]) {
      if (t !== null && (!Number.isInteger(t) || t > now)) fail(`${tag}: timestamp ${t} invalid`);
    }
    if (!statuses.has(key(current(lead)))) fail(`${tag}: unknown status ${key(current(lead))}`);
    if (lead.group_id !== userGroup.get(lead.responsible_user_id)) fail(`${tag}: group_id`);
    if (
      lead.price !== 0 &&
      (lead.price < 15_000 || lead.price > 2_500_000 || lead.price % 100 !== 0)
    ) {
      fail(`${tag}: price ${lead.price}`);
    }
    const own = events.get(lead.id) ?? [];
    const added = own.filter((e): e is LeadAdded => e.type === 'lead_added');
    if (added.length !== 1 || added[0]!.created_at !== lead.created_at) fail(`${tag}: lead_added`);
    for (const e of added) {
      const note = e.value_after[0]?.note.id;
      if (e.value_before.length !== 0 || note === undefined || notes.has(note))
        fail(`${tag}: note`);
      if (note !== undefined) notes.add(note);
    }
    for (const e of own) {
      if (e.created_at < lead.created_at) fail(`${tag}: event ${e.id} before creation`);
      if (e.created_at > lead.updated_at) fail(`${tag}: event ${e.id} after updated_at`);
    }
    if (lead.updated_at < lead.created_at) fail(`${tag}: updated_at < created_at`);

    // Status chain, closed_at and loss reason, replayed from the events.
    const moves = own.map(statusRefs).filter(m => m !== null);
    const stamps = own.filter(e => e.type === 'lead_status_changed').map(e => e.created_at);
    let at: Ref = moves[0]?.before ?? current(lead);
    let closedAt = closed(at) ? lead.created_at : null;
    moves.forEach((m, j) => {
      if (key(m.before) !== key(at))
        fail(`${tag}: move ${j} starts at ${key(m.before)}, not ${key(at)}`);
      if (key(m.before) === key(m.after)) fail(`${tag}: move ${j} goes nowhere`);
      if (!statuses.has(key(m.after))) fail(`${tag}: move ${j} to unknown ${key(m.after)}`);
      if (closed(m.after) && !closed(m.before)) closedAt = stamps[j]!;
      if (!closed(m.after)) closedAt = null;
      at = m.after;
    });
    if (key(at) !== key(current(lead)))
      fail(`${tag}: events end at ${key(at)}, lead is at ${key(current(lead))}`);
    if (moves.length > 0 && lead.closed_at !== closedAt)
      fail(`${tag}: closed_at ${lead.closed_at} ≠ ${closedAt}`);
    if (closed(current(lead)) !== (lead.closed_at !== null)) fail(`${tag}: closed_at presence`);
    if (
      lead.closed_at !== null &&
      (lead.closed_at < lead.created_at || lead.closed_at > lead.updated_at)
    ) {
      fail(`${tag}: closed_at out of range`);
    }
    if (
      lead.loss_reason_id !== null &&
      (lead.status_id !== LOST || !reasons.has(lead.loss_reason_id))
    ) {
      fail(`${tag}: loss_reason_id ${lead.loss_reason_id} in status ${lead.status_id}`);
    }

    // Responsible chain.
    let responsible: number | null = null;
    for (const e of own) {
      if (e.type !== 'entity_responsible_changed') continue;
      const before = e.value_before[0]!.responsible_user.id;
      const after = e.value_after[0]!.responsible_user.id;
      if ((responsible !== null && before !== responsible) || before === after)
        fail(`${tag}: responsible chain`);
      if (!userGroup.has(after)) fail(`${tag}: unknown responsible ${after}`);
      responsible = after;
    }
    if (responsible !== null && responsible !== lead.responsible_user_id)
      fail(`${tag}: responsible`);

    // Deletion and restoring.
    const deleted = own.filter(e => e.type === 'lead_deleted').length;
    const restored = own.filter(e => e.type === 'lead_restored').length;
    if (lead.is_deleted !== deleted > restored) fail(`${tag}: is_deleted vs events`);
  });
  return out;
}

describe('demo account consistency', () => {
  it.each([
    ['the default account (3000 leads)', 20_240_607, 3000],
    ['a small account (50 leads)', 7, 50],
    ['an empty account', 1, 0],
    ['a one-lead account', 3, 1],
  ])('holds for %s', (_label, seed, leads) => {
    const account = generateDemoAccount({ seed, leads, now: NOW });
    expect(account.leads).toHaveLength(leads);
    expect(problems(account, NOW)).toEqual([]);
  });

  it('holds for any seed, size and date (property)', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: 0, max: 150 }),
        fc.integer({ min: 1_500_000_000, max: 2_000_000_000 }),
        (seed, leads, now) => {
          expect(problems(generateDemoAccount({ seed, leads, now }), now)).toEqual([]);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('catches a broken account (the checker itself works)', () => {
    const account = generateDemoAccount({ seed: 5, leads: 200, now: NOW });
    const withHistory = new Set(
      account.events.filter(e => e.type === 'lead_status_changed').map(e => e.entity_id),
    );
    const moved = account.leads.find(
      l => withHistory.has(l.id) && l.status_id !== WON && l.status_id !== LOST,
    )!;
    moved.status_id = WON;
    const found = problems(account, NOW);
    expect(found.some(p => p.startsWith(`lead ${moved.id}: events end at`))).toBe(true);
    expect(found.some(p => p.startsWith(`lead ${moved.id}: closed_at presence`))).toBe(true);
  });
});
