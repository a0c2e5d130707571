/**
 * A lead's visits and facts from its held columns. Deriving a whole account made a million change
 * objects and as many visit objects only to order the one and scan the other; most leads need
 * neither: their ids are distinct once held (`addChange`) and their changes come a second apart
 * or more, in time order, so §4.1–4.2 keep every change but the no-ops in the order held. Such a
 * lead's visits are fed to the facts here in one pass, as `buildVisits` would build them; any
 * other lead goes the general way.
 */
import type { Funnel, Lead, LeadFacts, Visit } from '../core';
import { FactScan, leadFacts, leadVisits } from '../core';
import type { LeadEvents } from './leadEvents';
import { changesOf } from './leadEvents';

const WIDTH = 5;

/** metrics.md 4 over the held changes (what a lead's journey shows). */
export function heldVisits(
  lead: Lead,
  held: LeadEvents | undefined,
  historyFrom: number | null,
): Visit[] {
  return leadVisits(lead, held ? changesOf(lead.id, held) : [], historyFrom);
}

/** The lead's facts: what `leadFacts` gives over `heldVisits`. */
export function heldFacts(
  funnel: Funnel,
  lead: Lead,
  held: LeadEvents | undefined,
  historyFrom: number | null,
): LeadFacts {
  const cols = held?.cols ?? [];
  if (!inTimeOrder(cols, historyFrom)) {
    return leadFacts(funnel, lead, heldVisits(lead, held, historyFrom));
  }
  return scanHeld(new FactScan(funnel), lead, cols, historyFrom);
}

/** A no-op change (§4.1) is dropped before ordering; pipeline 0 is an unsaid `value_before`. */
const isNoop = (c: readonly number[], at: number): boolean =>
  c[at + 1] !== 0 && c[at + 1] === c[at + 3] && c[at + 2] === c[at + 4];

/** Whether the changes §4.1 keeps come in strictly increasing time: then that is their order. */
function inTimeOrder(c: readonly number[], historyFrom: number | null): boolean {
  const from = historyFrom ?? Number.NEGATIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (let at = 0; at < c.length; at += WIDTH) {
    const time = c[at] ?? 0;
    if (time < from || isNoop(c, at)) continue;
    if (time <= last) return false;
    last = time;
  }
  return true;
}

/** `buildVisits` over changes in time order, each visit fed to `scan` once it ends. */
function scanHeld(
  scan: FactScan,
  lead: Lead,
  c: readonly number[],
  historyFrom: number | null,
): LeadFacts {
  const censored = historyFrom !== null && lead.createdAt < historyFrom;
  const floor = censored ? historyFrom : lead.createdAt;
  const from = historyFrom ?? Number.NEGATIVE_INFINITY;
  let started = false;
  let pipeline = lead.pipelineId;
  let status = lead.statusId;
  let start = floor;
  // Whether a change began the current visit: every visit but the first (the censored one).
  let begun = false;
  let fromPipeline = 0;
  let fromStatus = 0;
  let lastAt = Number.NEGATIVE_INFINITY;
  for (let at = 0; at < c.length; at += WIDTH) {
    const time = c[at] ?? 0;
    if (time < from || isNoop(c, at)) continue;
    lastAt = time;
    const bp = c[at + 1] ?? 0;
    const ap = c[at + 3] ?? 0;
    const as = c[at + 4] ?? 0;
    if (!started) {
      started = true;
      pipeline = bp !== 0 ? bp : ap;
      status = bp !== 0 ? (c[at + 2] ?? 0) : as;
    }
    if (bp === 0 && pipeline === ap && status === as) continue;
    const t = Math.max(floor, time);
    if (begun) scan.visitFrom(pipeline, status, start, t, fromPipeline, fromStatus);
    else scan.visit(pipeline, status, start, t, censored);
    begun = true;
    fromPipeline = bp !== 0 ? bp : pipeline;
    fromStatus = bp !== 0 ? (c[at + 2] ?? 0) : status;
    pipeline = ap;
    status = as;
    start = t;
  }
  const last =
    pipeline === lead.pipelineId && status === lead.statusId
      ? null
      : Math.max(floor, lead.updatedAt, lastAt);
  if (begun) scan.visitFrom(pipeline, status, start, last, fromPipeline, fromStatus);
  else scan.visit(pipeline, status, start, last, censored);
  // §4.5: the changes do not lead to the current status, so some are missing.
  if (last !== null) scan.visit(lead.pipelineId, lead.statusId, last, null, false);
  return scan.facts(lead);
}
