/**
 * Snoozed deals (docs/metrics.md, foresight, F.6): a manager marks a stuck deal "waits until DATE
 * — reason" in two lead custom fields, so the mark lives in amoCRM, every user sees it and reading
 * it costs nothing beyond the leads already read. A deal whose date is still ahead leaves the stuck
 * count and is listed apart.
 */
import type { LeadFacts } from './facts';
import type { FieldValue, Lead, OpenDeal } from './types';

/** The lead fields that hold the mark: a date field and, optionally, a text field. */
export interface SnoozeFields {
  readonly untilFieldId: number;
  readonly reasonFieldId: number | null;
}

/** What a report asks of snoozing: nothing unless the fields are named. */
export interface SnoozeOptions {
  readonly snooze?: SnoozeFields | undefined;
}

/** A lead's mark as the fields hold it, whether its date has passed or not. */
export interface SnoozeMark {
  /** Epoch seconds. */
  readonly until: number;
  readonly reason: string | null;
}

/** F.6: an open deal whose mark is still ahead; `stuck` says whether §7 would call it stuck. */
export interface SnoozedDeal extends OpenDeal, SnoozeMark {
  readonly stuck: boolean;
}

/**
 * A date field's value: amoCRM sends epoch seconds, which the lead adapter keeps as their decimal
 * text (so the slice filter never offers them); a number is read the same way.
 */
function secondsOf(value: FieldValue): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return Number(value);
  return null;
}

/** The first readable value of each field; null without a date (a reason alone marks nothing). */
export function snoozeOf(lead: Lead, fields: SnoozeFields): SnoozeMark | null {
  const values = lead.fields?.[String(fields.untilFieldId)] ?? [];
  let until: number | null = null;
  for (const v of values) if ((until = secondsOf(v)) !== null) break;
  if (until === null) return null;
  const texts =
    fields.reasonFieldId === null ? [] : (lead.fields?.[String(fields.reasonFieldId)] ?? []);
  const reason = texts.find((v): v is string => typeof v === 'string' && v.trim() !== '');
  return { until, reason: reason?.trim() ?? null };
}

/** F.6: snoozed at `now` exactly when the date is after it (a date equal to `now` has come). */
export function isSnoozed(mark: SnoozeMark | null, now: number): mark is SnoozeMark {
  return mark !== null && mark.until > now;
}

/** The report's snoozed deals and how to leave them out of the stuck ones. */
export interface SnoozedSplit {
  /** Whether the report asked (the fields were named): else nothing below is reported. */
  readonly asked: boolean;
  /** Ordered by `until` ascending (the first to come back first), then lead id. */
  readonly deals: readonly SnoozedDeal[];
  has(leadId: number): boolean;
  /** Snoozed deals at a stage (main or side), by stage id. */
  atStage(stageId: number): number;
}

const NOT_ASKED: SnoozedSplit = { asked: false, deals: [], has: () => false, atStage: () => 0 };

/**
 * F.6 over the report's open deals; `scope` are the facts they came from (the lead's fields are
 * there). Snoozes nothing when the report did not name the fields.
 */
export function snoozedDeals(
  open: readonly OpenDeal[],
  scope: readonly LeadFacts[],
  options: SnoozeOptions & { readonly now: number },
  isStuck: (deal: OpenDeal) => boolean,
): SnoozedSplit {
  const fields = options.snooze;
  if (!fields) return NOT_ASKED;
  const marks = new Map<number, SnoozeMark>();
  for (const f of scope) {
    if (f.currentIndex < 0) continue;
    const mark = snoozeOf(f.lead, fields);
    if (isSnoozed(mark, options.now)) marks.set(f.lead.id, mark);
  }
  const deals: SnoozedDeal[] = [];
  const perStage = new Map<number, number>();
  for (const d of open) {
    const mark = marks.get(d.leadId);
    if (!mark) continue;
    deals.push({ ...d, until: mark.until, reason: mark.reason, stuck: isStuck(d) });
    perStage.set(d.stageId, (perStage.get(d.stageId) ?? 0) + 1);
  }
  deals.sort((a, b) => a.until - b.until || a.leadId - b.leadId);
  const ids = new Set(deals.map(d => d.leadId));
  return {
    asked: true,
    deals,
    has: id => ids.has(id),
    atStage: id => perStage.get(id) ?? 0,
  };
}

/** `stages[i].snoozed`, only when asked. */
export function stageSnoozed(split: SnoozedSplit, stageId: number): { readonly snoozed?: number } {
  return split.asked ? { snoozed: split.atStage(stageId) } : {};
}

/** The report's `snoozed[]`, only when asked. */
export function snoozedBlock(split: SnoozedSplit): { readonly snoozed?: readonly SnoozedDeal[] } {
  return split.asked ? { snoozed: split.deals } : {};
}

/** The fields as the report echoes them; only when they were named. */
export function echoSnooze(options: SnoozeOptions): { readonly snooze?: SnoozeFields } {
  const s = options.snooze;
  return s ? { snooze: { untilFieldId: s.untilFieldId, reasonFieldId: s.reasonFieldId } } : {};
}
