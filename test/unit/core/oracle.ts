/**
 * A second, deliberately naive reading of spec/metrics.md, written straight from the text with
 * per-stage loops and no shared code with src/core. Differential tests compare the engine with it
 * on random and realistic data: two independent readings that agree are the best evidence that
 * the numbers are the contract's.
 */
import type { FunnelInput, Lead, StatusChange } from '../../../src/core';

type Ref = { p: number; s: number };
type V = { p: number; s: number; start: number; end: number | null; censored: boolean };
const eq = (a: Ref, b: Ref) => a.p === b.p && a.s === b.s;
const ref = (r: { pipelineId: number; statusId: number }): Ref => ({
  p: r.pipelineId,
  s: r.statusId,
});

function q(values: number[], p: number): number | null {
  const x = [...values].sort((a, b) => a - b);
  if (x.length === 0) return null;
  const h = (x.length - 1) * p;
  const lo = Math.floor(h);
  if (lo === x.length - 1) return x[lo]!;
  return x[lo]! + (h - lo) * (x[lo + 1]! - x[lo]!);
}
const div = (a: number, b: number) => (b === 0 ? null : a / b);

/**
 * §4.2 read literally: every order that keeps the times in order (only events of one timestamp
 * change places), scored by the links holding — each event's before equal to the previous
 * event's after, and the last event's after equal to the lead's current status — the most links
 * winning, ties by the smaller list of ids compared as strings element by element.
 */
export function bruteForceOrder(events: readonly StatusChange[], current: Ref): StatusChange[] {
  // Extension: an event with an empty value_before came from wherever the lead was.
  const linksTo = (a: StatusChange, b: StatusChange) =>
    b.before === null || eq(ref(a.after), ref(b.before));
  const times = [...new Set(events.map(e => e.createdAt))].sort((a, b) => a - b);
  const groups = times.map(t => events.filter(e => e.createdAt === t));
  const perms = (xs: StatusChange[]): StatusChange[][] =>
    xs.length <= 1
      ? [xs]
      : xs.flatMap((x, i) => perms([...xs.slice(0, i), ...xs.slice(i + 1)]).map(p => [x, ...p]));
  const score = (order: StatusChange[]) => {
    let links = 0;
    for (let i = 1; i < order.length; i++) if (linksTo(order[i - 1]!, order[i]!)) links++;
    const last = order[order.length - 1];
    if (last && eq(ref(last.after), current)) links++;
    return links;
  };
  const smallerIds = (a: StatusChange[], b: StatusChange[]) => {
    for (let i = 0; i < a.length; i++) {
      if (a[i]!.id !== b[i]!.id) return a[i]!.id < b[i]!.id;
    }
    return false;
  };
  const best = { order: [] as StatusChange[], score: -1 };
  const walk = (k: number, prefix: StatusChange[]) => {
    if (k === groups.length) {
      const s = score(prefix);
      if (s > best.score || (s === best.score && smallerIds(prefix, best.order))) {
        best.order = prefix;
        best.score = s;
      }
      return;
    }
    for (const p of perms(groups[k]!)) walk(k + 1, [...prefix, ...p]);
  };
  walk(0, []);
  return best.order;
}

export function history(
  lead: Lead,
  all: StatusChange[],
  T: number | null,
): { events: StatusChange[]; visits: V[] } {
  const seen = new Set<string>();
  const kept = all.filter(e => {
    if (e.leadId !== lead.id || seen.has(e.id) || (T !== null && e.createdAt < T)) return false;
    seen.add(e.id);
    return e.before === null || !eq(ref(e.before), ref(e.after));
  });
  const ordered = bruteForceOrder(kept, ref(lead));
  const visits: V[] = [];
  // Loaded history (extension): a lead created before it entered its first visit at an unknown time.
  const censored = T !== null && lead.createdAt < T;
  const floor = censored ? T : lead.createdAt;
  // Inputs the contract settles (extension): an event before the first visit's start happens at
  // it; an empty value_before is where the lead was, and an event that then moves nothing is none.
  const events: StatusChange[] = [];
  let where: Ref = { p: lead.pipelineId, s: lead.statusId };
  if (ordered[0]) where = ref(ordered[0].before ?? ordered[0].after);
  const startAt = where;
  for (const e of ordered) {
    const before = e.before ? ref(e.before) : where;
    where = ref(e.after);
    if (e.before === null && eq(before, where)) continue;
    const createdAt = Math.max(floor, e.createdAt);
    events.push({ ...e, createdAt, before: { pipelineId: before.p, statusId: before.s } });
  }
  visits.push({ ...startAt, start: floor, end: null, censored });
  for (const e of events) {
    visits[visits.length - 1]!.end = e.createdAt;
    visits.push({ ...ref(e.after), start: e.createdAt, end: null, censored: false });
  }
  const last = visits[visits.length - 1]!;
  if (!eq(last, { p: lead.pipelineId, s: lead.statusId })) {
    const t = Math.max(
      floor,
      lead.updatedAt,
      ordered.length > 0 ? ordered[ordered.length - 1]!.createdAt : -Infinity,
    );
    last.end = t;
    visits.push({ p: lead.pipelineId, s: lead.statusId, start: t, end: null, censored: false });
  }
  return { events, visits };
}

export function oracleReport(
  input: FunnelInput,
  o: {
    from: number;
    to: number;
    now: number;
    stuckDays?: number;
    minSample?: number;
    horizonDays?: number;
    historyFrom?: number;
    sideStageIds?: number[];
    /** Extensions (manager filter, slices): the leads counted; thresholds still learn from all. */
    keep?: (lead: Lead) => boolean;
  },
) {
  const P = input.pipeline.id;
  const openStages = input.pipeline.statuses
    .filter(s => s.pipelineId === P && s.type === 0 && s.id !== 142 && s.id !== 143)
    .sort((a, b) => a.sort - b.sort || a.id - b.id);
  // §11.3: the listed open stages are side stages; everything else speaks of main stages only.
  const isSide = (id: number) => (o.sideStageIds ?? []).includes(id);
  const stages = openStages.filter(s => !isSide(s.id));
  const sides = openStages.filter(s => isSide(s.id));
  const n = stages.length;
  const at = (v: Ref) => (v.p === P ? stages.findIndex(s => s.id === v.s) : -1);
  const sideAt = (v: Ref) => (v.p === P ? sides.findIndex(s => s.id === v.s) : -1);
  const byId = new Map<number, Lead>();
  for (const l of input.leads)
    if (!byId.has(l.id) || l.updatedAt >= byId.get(l.id)!.updatedAt) byId.set(l.id, l);
  const T = o.historyFrom ?? null;
  const leads = [...byId.values()]
    .filter(l => l.pipelineId === P && !l.isDeleted)
    .filter(l => T === null || l.createdAt >= T || (l.statusId !== 142 && l.statusId !== 143))
    .sort((a, b) => a.id - b.id);
  const allInfo = leads.map(lead => {
    const { events, visits } = history(lead, input.events as StatusChange[], T);
    const inP = visits.filter(v => v.p === P);
    const visited = stages.map((_, i) => inP.some(v => at(v) === i));
    const lost = lead.statusId === 143;
    const reach = inP.some(v => v.s === 142)
      ? n
      : visited.lastIndexOf(true) >= 0
        ? visited.lastIndexOf(true)
        : lost
          ? 0
          : -1;
    let lostFrom = -1;
    let lostFromSide = -1;
    if (lost) {
      const into = events.filter(e => e.after.pipelineId === P && e.after.statusId === 143).pop();
      const i = into?.before ? at(ref(into.before)) : -1;
      lostFrom = i >= 0 ? i : Math.min(Math.max(reach, 0), n - 1);
      lostFromSide = into?.before ? sideAt(ref(into.before)) : -1;
    }
    const current = at({ p: lead.pipelineId, s: lead.statusId });
    const currentSide = sideAt({ p: lead.pipelineId, s: lead.statusId });
    return {
      lead,
      events,
      visits,
      visited,
      reach,
      lostFrom,
      lostFromSide,
      current,
      currentSide,
      won: lead.statusId === 142,
      lost,
    };
  });
  type Info = (typeof allInfo)[number];
  const info = o.keep ? allInfo.filter(x => o.keep!(x.lead)) : allInfo;
  const cohortOf = (from: number, to: number) =>
    info.filter(x => x.lead.createdAt >= from && x.lead.createdAt < to);
  const count = (c: Info[]) => {
    const reached = stages.map((_, i) => c.filter(x => x.reach >= i).length);
    const wonReached = c.filter(x => x.reach === n).length;
    const undecided = stages.map(
      (_, i) => c.filter(x => x.reach === i && !x.won && !x.lost).length,
    );
    const next = (i: number) => (i + 1 < n ? reached[i + 1]! : wonReached);
    const won = c.filter(x => x.won).length;
    const lost = c.filter(x => x.lost).length;
    return {
      reached,
      wonReached,
      undecided,
      conv: stages.map((_, i) => div(next(i), reached[i]!)),
      decided: stages.map((_, i) => div(next(i), reached[i]! - undecided[i]!)),
      totals: {
        deals: c.length,
        won,
        lost,
        open: c.length - won - lost,
        incoming: c.filter(x => !x.won && !x.lost && x.current < 0 && x.currentSide < 0).length,
        conversion: div(won, reached[0] ?? 0),
        revenueWon: c.filter(x => x.won).reduce((a, x) => a + x.lead.price, 0),
      },
    };
  };
  const cohort = cohortOf(o.from, o.to);
  const c = count(cohort);
  const hoursAt = (xs: Info[], id: number, endFrom = -Infinity) =>
    xs.flatMap(x =>
      x.visits
        .filter(v => v.p === P && v.s === id && v.end !== null && !v.censored && v.end >= endFrom)
        .map(v => (v.end! - v.start) / 3600),
    );
  const hours = (xs: Info[], i: number) => hoursAt(xs, stages[i]!.id);
  const thresholdOf = (id: number) => {
    if (o.stuckDays !== undefined) return o.stuckDays * 24;
    const horizon = o.horizonDays === undefined ? -Infinity : o.now - o.horizonDays * 86400;
    const all = hoursAt(allInfo, id, horizon);
    return all.length >= 10 ? q(all, 0.9)! : 168;
  };
  const threshold = stages.map(s => thresholdOf(s.id));
  const stuck = info
    .filter(x => x.current >= 0 || x.currentSide >= 0)
    .map(x => ({
      leadId: x.lead.id,
      stageId: x.lead.statusId,
      hoursInStage: (o.now - x.visits[x.visits.length - 1]!.start) / 3600,
      hoursAtLeast: x.visits[x.visits.length - 1]!.censored,
      thresholdHours: thresholdOf(x.lead.statusId),
      price: x.lead.price,
      responsibleUserId: x.lead.responsibleUserId,
    }))
    .filter(d =>
      d.hoursAtLeast ? d.thresholdHours <= d.hoursInStage : d.hoursInStage > d.thresholdHours,
    )
    .sort(
      (a, b) =>
        b.hoursInStage - b.thresholdHours - (a.hoursInStage - a.thresholdHours) ||
        a.leadId - b.leadId,
    );
  let weakest: {
    fromStageId: number;
    toStageId: number;
    conversion: number | null;
    decidedConversion: number | null;
  } | null = null;
  for (const [i, s] of stages.entries()) {
    const d = c.decided[i] ?? null;
    if (c.reached[i]! - c.undecided[i]! < (o.minSample ?? 10) || d === null) continue;
    if (weakest === null || d < weakest.decidedConversion!) {
      weakest = {
        fromStageId: s.id,
        toStageId: stages[i + 1]?.id ?? 142,
        conversion: c.conv[i]!,
        decidedConversion: d,
      };
    }
  }
  const p = stages.map((_, i) => {
    const closed = info.filter(x => x.reach >= i && (x.won || x.lost));
    return div(closed.filter(x => x.won).length, closed.length);
  });
  const prevCohort = cohortOf(o.from - (o.to - o.from), o.from);
  const prev = count(prevCohort);
  // §11.2: each previous-cohort lead as it stood at `cut`.
  const cut = o.now - (o.to - o.from);
  const young = prevCohort
    .filter(x => x.lead.createdAt < cut)
    .map(x => {
      const kept = x.visits.filter(v => v.start < cut);
      // Loaded history (extension) starting after `cut`: nothing known of it then, so open.
      const status = kept[kept.length - 1] ?? { p: 0, s: 0 };
      const seen = kept.map(at).filter(i => i >= 0);
      const won = status.p === P && status.s === 142;
      const lost = status.p === P && status.s === 143;
      const reach = kept.some(v => v.p === P && v.s === 142)
        ? n
        : seen.length > 0
          ? Math.max(...seen)
          : lost
            ? 0
            : -1;
      return { reach, won, lost };
    });
  const youngReached = stages.map((_, i) => young.filter(x => x.reach >= i).length);
  const youngUndecided = stages.map(
    (_, i) => young.filter(x => x.reach === i && !x.won && !x.lost).length,
  );
  const youngWon = young.filter(x => x.won).length;
  const youngLost = young.filter(x => x.lost).length;
  // §11.4
  const incomingIds = input.pipeline.statuses
    .filter(st => st.pipelineId === P && st.type === 1)
    .map(st => st.id);
  const isIncoming = (v: Ref) => v.p === P && incomingIds.includes(v.s);
  const firstHours = cohort
    .filter(x => x.events.length > 0)
    .map(x => (x.events[0]!.createdAt - x.lead.createdAt) / 3600);
  const entered = cohort.filter(x => isIncoming(x.visits[0]!));
  const accepted = entered.filter(x =>
    x.visits.slice(1).some(v => at(v) >= 0 || sideAt(v) >= 0 || (v.p === P && v.s === 142)),
  );
  // §11.3: a lead at a side stage forecasts with p of the main stage it reached.
  const forecastP = (x: Info) =>
    x.current >= 0 ? p[x.current] : x.currentSide >= 0 ? p[x.reach] : undefined;
  const sideStages = sides.map((s, k) => {
    const times = hoursAt(cohort, s.id);
    return {
      id: s.id,
      name: s.name,
      entered: cohort.filter(x => x.visits.some(v => sideAt(v) === k)).length,
      current: cohort.filter(x => x.currentSide === k).length,
      returned: cohort.filter(x =>
        x.visits.some(
          (v, a) =>
            sideAt(v) === k && v.end !== null && x.visits.slice(a + 1).some(w => at(w) >= 0),
        ),
      ).length,
      lost: cohort.filter(x => x.lost && x.lostFromSide === k).length,
      time: { samples: times.length, medianHours: q(times, 0.5), p90Hours: q(times, 0.9) },
      stuck: stuck.filter(d => d.stageId === s.id).length,
      stuckThresholdHours: thresholdOf(s.id),
    };
  });
  return {
    ...(sides.length > 0 ? { sideStages } : {}),
    totals: c.totals,
    won: { reached: c.wonReached },
    stages: stages.map((s, i) => ({
      id: s.id,
      reached: c.reached[i],
      current: cohort.filter(x => x.current === i).length,
      skipped: cohort.filter(x => x.reach > i && !x.visited[i]).length,
      undecided: c.undecided[i],
      lostHere: cohort.filter(x => x.lost && x.lostFrom === i).length,
      conversionToNext: c.conv[i],
      decidedConversion: c.decided[i],
      conversionToWon: div(c.wonReached, c.reached[i]!),
      time: {
        samples: hours(cohort, i).length,
        medianHours: q(hours(cohort, i), 0.5),
        p90Hours: q(hours(cohort, i), 0.9),
        openMedianHours: q(
          cohort
            .filter(x => x.current === i)
            .map(x => (o.now - x.visits[x.visits.length - 1]!.start) / 3600),
          0.5,
        ),
      },
      stuck: stuck.filter(d => d.stageId === s.id).length,
      stuckThresholdHours: threshold[i],
    })),
    weakestTransition: weakest,
    stuck,
    previous: {
      totals: prev.totals,
      stages: stages.map((s, i) => ({
        id: s.id,
        reached: prev.reached[i],
        conversionToNext: prev.conv[i],
        decidedConversion: prev.decided[i],
      })),
      sameAge: {
        cut,
        totals: {
          deals: young.length,
          won: youngWon,
          lost: youngLost,
          open: young.length - youngWon - youngLost,
          conversion: div(youngWon, youngReached[0] ?? 0),
        },
        stages: stages.map((s, i) => ({
          id: s.id,
          reached: youngReached[i],
          undecided: youngUndecided[i],
          decidedConversion: div(
            i + 1 < n ? youngReached[i + 1]! : young.filter(x => x.reach === n).length,
            youngReached[i]! - youngUndecided[i]!,
          ),
        })),
      },
    },
    response: {
      samples: firstHours.length,
      medianHours: q(firstHours, 0.5),
      p90Hours: q(firstHours, 0.9),
      waiting: cohort.filter(x => x.events.length === 0 && !x.won && !x.lost).length,
    },
    incoming: {
      entered: entered.length,
      accepted: accepted.length,
      declined: entered.filter(x => x.lost && !accepted.includes(x)).length,
      waiting: entered.filter(x => isIncoming({ p: x.lead.pipelineId, s: x.lead.statusId })).length,
    },
    forecast: {
      probabilities: stages.map((s, i) => ({ stageId: s.id, p: p[i] })),
      expectedWins: info
        .filter(x => typeof forecastP(x) === 'number')
        .reduce((a, x) => a + forecastP(x)!, 0),
      expectedRevenue: info
        .filter(x => typeof forecastP(x) === 'number')
        .reduce((a, x) => a + forecastP(x)! * x.lead.price, 0),
    },
  };
}
