/** The page's own data calls (`/ajax/leads/...`), parsed with the shared schemas. */
import type { z } from 'zod';
import {
  kanbanSchema,
  leadDetailSchema,
  leadListSchema,
  type KanbanBody,
  type LeadDetail,
  type LeadListPage,
} from './protocol';

export class AjaxError extends Error {
  override readonly name = 'AjaxError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function getJson<T>(url: string, schema: z.ZodType<T>, signal: AbortSignal): Promise<T> {
  const response = await fetch(url, { signal, credentials: 'same-origin' });
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const detail = (body as { detail?: unknown } | undefined)?.detail;
    throw new AjaxError(
      response.status,
      typeof detail === 'string' ? detail : `HTTP ${response.status}`,
    );
  }
  return schema.parse(body);
}

export const LIST_PAGE_SIZE = 50;

/** One page of the list; `search` is the page's own query string (its filter) passed through. */
export function fetchLeadList(
  pipelineId: number,
  search: string,
  page: number,
  signal: AbortSignal,
  limit = LIST_PAGE_SIZE,
): Promise<LeadListPage> {
  const params = new URLSearchParams(search);
  params.set('pipeline_id', String(pipelineId));
  params.set('page', String(page));
  params.set('limit', String(limit));
  return getJson(`/ajax/leads/list?${params.toString()}`, leadListSchema, signal);
}

export function fetchKanban(pipelineId: number, signal: AbortSignal): Promise<KanbanBody> {
  return getJson(`/ajax/leads/pipeline?pipeline_id=${pipelineId}`, kanbanSchema, signal);
}

export function fetchLeadDetail(leadId: number, signal: AbortSignal): Promise<LeadDetail> {
  return getJson(`/ajax/leads/detail/${leadId}`, leadDetailSchema, signal);
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
