/**
 * Reading a lead list by a moving time boundary instead of page numbers. Leads come and go while
 * a long list is read (a deletion moves every later lead one place up, and page numbers would
 * then skip one); asking each time for "the leads from the boundary on" cannot skip any. The
 * leads at the boundary second come again and are dropped; more of them than a page holds are
 * read by page number within that second.
 */
import type { LeadFilter } from '../../api';
import type { Lead } from '../../core';
import type { KeysetCursor } from '../history';
import type { HistorySource } from './source';

export type KeysetField = 'created_at' | 'updated_at';

export interface KeysetList {
  /** The list's own filter (pipeline, statuses, the far end of the range). */
  readonly filter: LeadFilter;
  readonly field: KeysetField;
  /** 'desc' reads newest first (history), 'asc' oldest first (what changed since). */
  readonly direction: 'asc' | 'desc';
}

export const START: KeysetCursor = { boundary: null, atBoundary: [], done: false };

export interface KeysetStep {
  /** Leads this page brought that were not held yet. */
  readonly leads: readonly Lead[];
  readonly cursor: KeysetCursor;
}

const valueOf = (lead: Lead, field: KeysetField): number =>
  field === 'created_at' ? lead.createdAt : lead.updatedAt;

function boundedFilter(list: KeysetList, boundary: number | null): LeadFilter {
  const order = { field: list.field, direction: list.direction } as const;
  if (boundary === null) return { ...list.filter, order };
  if (list.field === 'updated_at') return { ...list.filter, order, updatedFrom: boundary };
  return list.direction === 'desc'
    ? { ...list.filter, order, createdTo: boundary }
    : { ...list.filter, order, createdFrom: boundary };
}

/** Reads the next page of the list after `cursor`. */
export async function keysetPage(
  source: HistorySource,
  list: KeysetList,
  cursor: KeysetCursor,
  signal: AbortSignal | undefined,
): Promise<KeysetStep> {
  if (cursor.page !== undefined) {
    // The server ignores filters: plain paging, every item re-checked by the source.
    const page = await source.leads({ ...list.filter }, cursor.page, signal);
    return { leads: page.items, cursor: { ...cursor, page: cursor.page + 1, done: !page.more } };
  }
  const within = cursor.within ?? 1;
  const page = await source.leads(boundedFilter(list, cursor.boundary), within, signal);
  if (page.returned > page.items.length || !ordered(page.items, list)) {
    // Items outside the filter, or out of order, came back: the account has no API filters (or
    // sorting). A moving boundary cannot work then; start over by page number.
    return { leads: [], cursor: { ...START, page: 1 } };
  }
  if (page.items.length === 0) return { leads: [], cursor: { ...cursor, done: true } };
  const seen = new Set(cursor.atBoundary);
  const fresh = page.items.filter(l => !seen.has(l.id));
  const edge = list.direction === 'desc' ? Math.min : Math.max;
  const boundary =
    fresh.length === 0 ? cursor.boundary : edge(...fresh.map(l => valueOf(l, list.field)));
  // A full page all at the boundary second (seen or not): the second holds more than a page.
  const sameSecond = boundary === cursor.boundary;
  const atEdge = fresh.filter(l => valueOf(l, list.field) === boundary).map(l => l.id);
  return {
    leads: fresh,
    cursor: {
      boundary,
      atBoundary: sameSecond ? [...cursor.atBoundary, ...atEdge] : atEdge,
      ...(page.more && sameSecond ? { within: within + 1 } : {}),
      done: !page.more,
    },
  };
}

function ordered(items: readonly Lead[], list: KeysetList): boolean {
  const sign = list.direction === 'asc' ? 1 : -1;
  for (let i = 1; i < items.length; i++) {
    const a = items[i - 1];
    const b = items[i];
    if (a && b && sign * (valueOf(b, list.field) - valueOf(a, list.field)) < 0) return false;
  }
  return true;
}
