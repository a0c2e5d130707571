/**
 * The slice extensions (docs/metrics.md, "Slices", "Unattended", "Money", "Counting modes") read a
 * second time, naively and straight from the text, as ./oracle.ts reads sections 1–11. Only the
 * §4 history is borrowed from there.
 */
import type { FunnelInput, Lead, StatusChange } from '../../../src/core';
import { history } from './oracle';

type SliceSpec = {
  tagIds?: readonly number[];
  fields?: readonly { fieldId: number; values: readonly (number | boolean | string)[] }[];
};

/** Slices: any of the tags (when some are listed) and, per field with values, one of them. */
export function passes(lead: Lead, slice: SliceSpec, users?: readonly number[]): boolean {
  if (users && !users.some(u => u === lead.responsibleUserId)) return false;
  const tags = slice.tagIds ?? [];
  if (tags.length > 0 && !tags.some(t => (lead.tagIds ?? []).includes(t))) return false;
  for (const f of slice.fields ?? []) {
    if (f.values.length === 0) continue;
    const have = lead.fields?.[String(f.fieldId)] ?? [];
    if (!have.some(v => f.values.some(w => `${w}` === `${v}`))) return false;
  }
  return true;
}

type Ref = { pipelineId: number; statusId: number };

function q(values: number[], p: number): number | null {
  const x = [...values].sort((a, b) => a - b);
  if (x.length === 0) return null;
  const h = (x.length - 1) * p;
  const lo = Math.floor(h);
  if (lo === x.length - 1) return x[lo]!;
  return x[lo]! + (h - lo) * (x[lo + 1]! - x[lo]!);
}
const div = (a: number, b: number) => (b === 0 ? null : a / b);
const sum = (xs: { lead: Lead }[]) => xs.reduce((a, x) => a + x.lead.price, 0);
const durations = (hours: number[]) => ({
  samples: hours.length,
  medianHours: q(hours, 0.5),
  p90Hours: q(hours, 0.9),
});

/**
 * Unattended, money and the counting modes over the pipeline leads `keep` accepts (no side
 * stages). `weakestFrom` is the stage §8 chose, which ./oracle.ts checks.
 */
export function oracleExtensions(
  input: FunnelInput,
  o: { from: number; to: number; now: number; historyFrom?: number },
  keep: (lead: Lead) => boolean,
  weakestFrom: number | null,
) {
  const P = input.pipeline.id;
  const stages = input.pipeline.statuses
    .filter(s => s.pipelineId === P && s.type === 0 && s.id !== 142 && s.id !== 143)
    .sort((a, b) => a.sort - b.sort || a.id - b.id);
  const n = stages.length;
  const at = (r: Ref) => (r.pipelineId === P ? stages.findIndex(s => s.id === r.statusId) : -1);
  const T = o.historyFrom ?? null;
  const byId = new Map<number, Lead>();
  for (const l of input.leads)
    if (!byId.has(l.id) || l.updatedAt >= byId.get(l.id)!.updatedAt) byId.set(l.id, l);
  const leads = [...byId.values()]
    .filter(l => l.pipelineId === P && !l.isDeleted)
    .filter(l => T === null || l.createdAt >= T || (l.statusId !== 142 && l.statusId !== 143))
    .filter(keep)
    .map(lead => {
      const h = history(lead, input.events as StatusChange[], T);
      const visits = h.visits.map(v => ({ ...v, pipelineId: v.p, statusId: v.s }));
      const seen = visits.map(at).filter(i => i >= 0);
      const lost = lead.statusId === 143;
      const won = lead.statusId === 142;
      const reach = visits.some(v => v.p === P && v.s === 142)
        ? n
        : seen.length > 0
          ? Math.max(...seen)
          : lost
            ? 0
            : -1;
      const into = h.events.filter(e => e.after.pipelineId === P && e.after.statusId === 143).pop();
      const from = into?.before ? at(into.before) : -1;
      const lostFrom = !lost ? -1 : from >= 0 ? from : Math.min(Math.max(reach, 0), n - 1);
      return { lead, visits, reach, won, lost, lostFrom, current: at(lead) };
    });
  const task = (l: Lead) =>
    l.closestTaskAt === undefined ? null : l.closestTaskAt === null || l.closestTaskAt < o.now;

  const cohort = leads.filter(x => x.lead.createdAt >= o.from && x.lead.createdAt < o.to);
  const reachedValue = stages.map((_, i) => sum(cohort.filter(x => x.reach >= i)));
  const undecidedValue = stages.map((_, i) =>
    sum(cohort.filter(x => x.reach === i && !x.won && !x.lost)),
  );
  const wonReached = sum(cohort.filter(x => x.reach === n));
  const w = stages.findIndex(s => s.id === weakestFrom);
  const next = w + 1 < n ? reachedValue[w + 1]! : wonReached;

  const closed = leads.filter(x => {
    const t = x.visits[x.visits.length - 1]!.start;
    return (x.won || x.lost) && t >= o.from && t < o.to;
  });
  const hoursToClose = (xs: typeof closed) =>
    xs.map(x => (x.visits[x.visits.length - 1]!.start - x.lead.createdAt) / 3600);

  const flow = stages.map((s, i) => {
    const entered = leads.filter(x =>
      x.visits.some(
        (v, k) => !(k === 0 && v.censored) && at(v) === i && v.start >= o.from && v.start < o.to,
      ),
    );
    const movedOn = entered.filter(x => {
      const k = x.visits.findIndex(
        (v, k2) => !(k2 === 0 && v.censored) && at(v) === i && v.start >= o.from && v.start < o.to,
      );
      return x.visits
        .slice(k + 1)
        .some(v => v.start < o.to && (at(v) > i || (v.p === P && v.s === 142)));
    });
    return {
      id: s.id,
      entered: entered.length,
      movedOn: movedOn.length,
      share: div(movedOn.length, entered.length),
      value: { entered: sum(entered), movedOn: sum(movedOn) },
    };
  });

  return {
    unattended: {
      stages: stages.map((s, i) => {
        const here = leads.filter(x => x.current === i).map(x => task(x.lead));
        return {
          id: s.id,
          unattended: here.includes(null) ? null : here.filter(u => u === true).length,
        };
      }),
      openDeals: leads
        .filter(x => x.current >= 0)
        .map(x => ({ leadId: x.lead.id, unattended: task(x.lead) }))
        .sort((a, b) => a.leadId - b.leadId),
    },
    money: {
      totals: {
        deals: sum(cohort),
        won: sum(cohort.filter(x => x.won)),
        lost: sum(cohort.filter(x => x.lost)),
        open: sum(cohort.filter(x => !x.won && !x.lost)),
      },
      stages: stages.map((s, i) => ({
        id: s.id,
        reached: reachedValue[i],
        current: sum(cohort.filter(x => x.current === i)),
        undecided: undecidedValue[i],
        lostHere: sum(cohort.filter(x => x.lost && x.lostFrom === i)),
      })),
      won: { reached: wonReached },
      weakestTransition:
        w < 0
          ? null
          : {
              fromStageId: stages[w]!.id,
              next,
              reached: reachedValue[w],
              decided: reachedValue[w]! - undecidedValue[w]!,
              conversion: div(next, reachedValue[w]!),
              decidedConversion: div(next, reachedValue[w]! - undecidedValue[w]!),
            },
    },
    closedMode: {
      deals: closed.length,
      won: closed.filter(x => x.won).length,
      lost: closed.filter(x => x.lost).length,
      winRate: div(closed.filter(x => x.won).length, closed.length),
      value: { won: sum(closed.filter(x => x.won)), lost: sum(closed.filter(x => x.lost)) },
      lostFrom: stages.map((s, i) => {
        const here = closed.filter(x => x.lost && x.lostFrom === i);
        return { stageId: s.id, count: here.length, value: sum(here) };
      }),
      timeToClose: durations(hoursToClose(closed)),
      timeToWin: durations(hoursToClose(closed.filter(x => x.won))),
    },
    flow: { stages: flow },
  };
}
