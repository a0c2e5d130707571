import {
  DEMO_DEFAULT_LEADS,
  DEMO_DEFAULT_SEED,
  generateDemoAccount,
  LOSS_REASONS,
  PIPELINE_IDS,
  USER_IDS,
} from '../../../sandbox/demo';
import type { DemoAccount, DemoLead, DemoPipeline } from '../../../sandbox/demo';

/**
 * The demo's funnel story, measured with a small local implementation of metrics.md sections
 * 3-5 (visits, reachedIndex, decided conversion, lost-from stage). The real engine in src/core
 * gets its own test against the demo; this one pins the story independently of it.
 */

const NOW = 1_767_000_000;
const DAY = 86_400;
const WON = 142;
const LOST = 143;

interface Visit {
  pipelineId: number;
  statusId: number;
  start: number;
  end: number | null;
}

interface LeadFacts {
  lead: DemoLead;
  visits: Visit[];
  reachedIndex: number;
  /** Stage index the lead was lost from (metrics.md 5), or null when not currently lost. */
  lostFrom: number | null;
}

function openStages(pipeline: DemoPipeline): number[] {
  return pipeline.statuses
    .filter(s => s.type === 0 && s.id !== WON && s.id !== LOST)
    .sort((a, b) => a.sort - b.sort || a.id - b.id)
    .map(s => s.id);
}

/** metrics.md 4 (history) and 5 (reach, lost-from) for the leads now in pipeline P. */
function facts(account: DemoAccount, pipeline: DemoPipeline): LeadFacts[] {
  const P = pipeline.id;
  const stages = openStages(pipeline);
  const n = stages.length;
  const moves = new Map<number, { at: number; before: Visit; after: Visit }[]>();
  for (const e of account.events) {
    if (e.type !== 'lead_status_changed') continue;
    const b = e.value_before[0]!.lead_status;
    const a = e.value_after[0]!.lead_status;
    if (b.id === a.id && b.pipeline_id === a.pipeline_id) continue;
    const list = moves.get(e.entity_id) ?? [];
    list.push({
      at: e.created_at,
      before: { pipelineId: b.pipeline_id, statusId: b.id, start: 0, end: null },
      after: { pipelineId: a.pipeline_id, statusId: a.id, start: 0, end: null },
    });
    moves.set(e.entity_id, list);
  }
  return account.leads
    .filter(l => l.pipeline_id === P && !l.is_deleted)
    .map(lead => {
      const own = moves.get(lead.id) ?? [];
      const first = own[0]?.before ?? {
        pipelineId: P,
        statusId: lead.status_id,
        start: 0,
        end: null,
      };
      const visits: Visit[] = [{ ...first, start: lead.created_at, end: null }];
      for (const m of own) {
        visits[visits.length - 1]!.end = m.at;
        visits.push({ ...m.after, start: m.at, end: null });
      }
      const last = visits[visits.length - 1]!;
      if (last.pipelineId !== lead.pipeline_id || last.statusId !== lead.status_id) {
        const at = Math.max(lead.updated_at, own[own.length - 1]?.at ?? 0);
        last.end = at;
        visits.push({ pipelineId: P, statusId: lead.status_id, start: at, end: null });
      }
      const inP = visits.filter(v => v.pipelineId === P);
      let reachedIndex = inP.some(v => v.statusId === WON)
        ? n
        : Math.max(-1, ...inP.map(v => stages.indexOf(v.statusId)));
      if (reachedIndex === -1 && lead.status_id === LOST) reachedIndex = 0;
      let lostFrom: number | null = null;
      if (lead.status_id === LOST) {
        const into = own.filter(m => m.after.pipelineId === P && m.after.statusId === LOST).pop();
        const from =
          into && into.before.pipelineId === P ? stages.indexOf(into.before.statusId) : -1;
        lostFrom = from >= 0 ? from : Math.min(Math.max(reachedIndex, 0), n - 1);
      }
      return { lead, visits, reachedIndex, lostFrom };
    });
}

interface StageRow {
  reached: number;
  undecided: number;
  decided: number | null;
}

function stageRows(cohort: readonly LeadFacts[], n: number): StageRow[] {
  const reached = (i: number) => cohort.filter(f => f.reachedIndex >= i).length;
  const isOpen = (f: LeadFacts) => f.lead.status_id !== WON && f.lead.status_id !== LOST;
  return Array.from({ length: n }, (_, i) => {
    const undecided = cohort.filter(f => f.reachedIndex === i && isOpen(f)).length;
    const denominator = reached(i) - undecided;
    return {
      reached: reached(i),
      undecided,
      decided: denominator === 0 ? null : reached(i + 1) / denominator,
    };
  });
}

const account = generateDemoAccount({
  seed: DEMO_DEFAULT_SEED,
  leads: DEMO_DEFAULT_LEADS,
  now: NOW,
});
const main = account.pipelines.find(p => p.id === PIPELINE_IDS.main)!;
const n = openStages(main).length;
const all = facts(account, main);
const QUALIFIED = 2;

describe.each([
  ['the last 90 days', 90],
  ['the whole year', 365],
])('the main funnel over %s', (_label, days) => {
  const cohort = all.filter(f => f.lead.created_at >= NOW - days * DAY && f.lead.created_at < NOW);
  const rows = stageRows(cohort, n);
  const decided = rows.map(r => r.decided!);

  it('has enough decided leads at every stage to judge', () => {
    for (const r of rows) expect(r.reached - r.undecided).toBeGreaterThanOrEqual(10);
  });

  it('has Квалифицирован → Отправлено КП as the clearly weakest transition', () => {
    const others = decided.filter((_, i) => i !== QUALIFIED);
    expect(decided[QUALIFIED]).toBeGreaterThanOrEqual(0.35);
    expect(decided[QUALIFIED]).toBeLessThanOrEqual(0.47);
    for (const d of others) expect(d).toBeGreaterThanOrEqual(0.6);
    expect(Math.min(...others) - decided[QUALIFIED]!).toBeGreaterThan(0.15);
  });

  it('loses 25-35% of requests before work starts (Неразобранное / Новый лид)', () => {
    const lostEarly = cohort.filter(f => f.lostFrom === 0).length;
    expect(lostEarly / cohort.length).toBeGreaterThanOrEqual(0.25);
    expect(lostEarly / cohort.length).toBeLessThanOrEqual(0.35);
  });
});

describe('losses and managers in the main funnel (whole year)', () => {
  const lostAt = (i: number) => all.filter(f => f.lostFrom === i);
  const share = (leads: LeadFacts[], reasons: number[]) =>
    leads.filter(f => reasons.includes(f.lead.loss_reason_id ?? -1)).length / leads.length;

  it('loses early requests mostly as unreachable, spam or no need', () => {
    const { noAnswer, spam, noNeed } = LOSS_REASONS;
    expect(share(lostAt(0), [noAnswer.id, spam.id, noNeed.id])).toBeGreaterThan(0.8);
  });

  it('loses qualified leads mostly on price, budget and competitors', () => {
    const { expensive, noBudget, competitor } = LOSS_REASONS;
    expect(share(lostAt(QUALIFIED), [expensive.id, noBudget.id, competitor.id])).toBeGreaterThan(
      0.8,
    );
  });

  const managers = account.users.filter(u => !u.is_admin).map(u => u.id);
  const winRate = (id: number) => {
    const own = all.filter(f => f.lead.responsible_user_id === id);
    const won = own.filter(f => f.lead.status_id === WON).length;
    return won / (won + own.filter(f => f.lead.status_id === LOST).length);
  };
  /** Median hours of completed visits to open stages, for the manager's current leads. */
  const medianHours = (id: number) => {
    const stages = openStages(main);
    const hours = all
      .filter(f => f.lead.responsible_user_id === id)
      .flatMap(f => f.visits)
      .filter(v => v.end !== null && stages.includes(v.statusId) && v.statusId !== stages[0])
      .map(v => (v.end! - v.start) / 3600)
      .sort((a, b) => a - b);
    return hours[hours.length >> 1]!;
  };

  it('gives every manager a real share of the deals', () => {
    for (const id of managers) {
      expect(all.filter(f => f.lead.responsible_user_id === id).length).toBeGreaterThan(200);
    }
  });

  it('shows a strong closer and a manager who loses many deals', () => {
    const rates = managers.map(winRate);
    expect(winRate(USER_IDS.volkov)).toBe(Math.max(...rates));
    expect(winRate(USER_IDS.novikova)).toBe(Math.min(...rates));
    expect(winRate(USER_IDS.volkov)).toBeGreaterThan(2 * winRate(USER_IDS.novikova));
  });

  it('loses Новикова many deals after the proposal (Отправлено КП)', () => {
    const kp = 3;
    const decidedAtKp = (id: number) =>
      stageRows(
        all.filter(f => f.lead.responsible_user_id === id),
        n,
      )[kp]!.decided!;
    expect(decidedAtKp(USER_IDS.novikova)).toBeLessThan(decidedAtKp(USER_IDS.volkov) - 0.2);
  });

  it('shows a slow manager and a fast one', () => {
    const medians = managers.map(medianHours);
    expect(medianHours(USER_IDS.lebedev)).toBe(Math.max(...medians));
    expect(medianHours(USER_IDS.kozlov)).toBe(Math.min(...medians));
    expect(medianHours(USER_IDS.lebedev)).toBeGreaterThan(1.6 * medianHours(USER_IDS.kozlov));
  });
});
