import type { Lead, LossReason, Pipeline, StatusChange, User } from '../core';
import { ApiError, MAX_EVENT_ENTITY_IDS } from '../api';
import type { AccountInfo, ApiClient, LeadLifecycle, PagingEnd } from '../api';

/** Event types a sync reads: stage changes, and deletions/restorations that hide or bring back leads. */
export const SYNC_EVENT_TYPES = ['lead_status_changed', 'lead_deleted', 'lead_restored'] as const;
/**
 * An incremental sync re-reads this many seconds before the last one started: an event written
 * while the previous sync was paging, or a clock a little off, must not fall in a gap.
 */
export const SYNC_OVERLAP_SECONDS = 600;

export type SyncPhase = 'meta' | 'leads' | 'events' | 'history';

export interface SyncProgress {
  readonly phase: SyncPhase;
  readonly pages: number;
  readonly leads: number;
  readonly events: number;
}

export interface SyncOptions {
  /** The pipeline to read; null reads every pipeline's leads. */
  readonly pipelineId: number | null;
  /** Start (epoch seconds) of the last complete sync; null reads everything. */
  readonly since: number | null;
  /** Pipeline leads already held from earlier syncs; leads new to the pipeline get their whole history. */
  readonly knownLeadIds?: ReadonlySet<number> | undefined;
  /** Epoch seconds; becomes the next sync's `since`. */
  readonly now: () => number;
  readonly signal?: AbortSignal | undefined;
  readonly onProgress?: ((p: SyncProgress) => void) | undefined;
  /**
   * Whether to read /users. Only administrators may (others get 403); when the page already says
   * the user is not one, skipping the request spares a failed call on every sync.
   */
  readonly readUsers?: boolean | undefined;
}

export interface SyncResult {
  readonly startedAt: number;
  readonly full: boolean;
  readonly account: AccountInfo;
  readonly pipelines: readonly Pipeline[];
  /** null when the user may not list users (not an administrator). */
  readonly users: readonly User[] | null;
  readonly lossReasons: readonly LossReason[];
  /** Leads read; in an incremental sync also leads that left the pipeline (their new pipeline says so). */
  readonly leads: readonly Lead[];
  readonly events: readonly StatusChange[];
  readonly lifecycle: readonly LeadLifecycle[];
  /** Lists whose paging stopped for a reason other than reaching the end (data may be missing). */
  readonly incomplete: readonly { readonly list: string; readonly end: PagingEnd }[];
}

const NORMAL_ENDS: ReadonlySet<PagingEnd['reason']> = new Set(['no_content', 'no_next', 'empty']);

/**
 * Reads what a pipeline's funnel needs. A full sync reads the pipeline's leads and the account's
 * stage-change history up to the moment it started (a fixed upper bound, so events written
 * meanwhile cannot shift the newest-first pages under us). An incremental sync reads leads
 * updated since the last sync in ANY pipeline — a lead moved out of the pipeline must be seen
 * leaving — plus events since then, plus the whole history of leads new to the pipeline.
 */
export async function syncPipeline(client: ApiClient, opts: SyncOptions): Promise<SyncResult> {
  const { pipelineId, signal } = opts;
  const startedAt = Math.floor(opts.now());
  const progress = { phase: 'meta' as SyncPhase, pages: 0, leads: 0, events: 0 };
  const tell = (phase: SyncPhase) => {
    progress.phase = phase;
    opts.onProgress?.({ ...progress });
  };
  const incomplete: { list: string; end: PagingEnd }[] = [];
  const note = (list: string, end: PagingEnd) => {
    if (!NORMAL_ENDS.has(end.reason)) incomplete.push({ list, end });
  };

  tell('meta');
  const account = await client.getAccount({ signal });
  const pipelines = await client.getPipelines({ signal });
  if (pipelineId !== null && !pipelines.some(p => p.id === pipelineId)) {
    throw new ApiError('NOT_FOUND', { path: `/api/v4/leads/pipelines/${pipelineId}` });
  }
  const users = opts.readUsers === false ? null : await client.getUsers({ signal });
  const lossReasons = await client.getLossReasons({ signal });

  const from = opts.since === null ? undefined : opts.since - SYNC_OVERLAP_SECONDS;
  const leads: Lead[] = [];
  tell('leads');
  const leadFilter =
    from !== undefined ? { updatedFrom: from } : pipelineId === null ? {} : { pipelineId };
  const leadSource = client.leadPages(leadFilter, { signal });
  for (;;) {
    const next = await leadSource.next();
    if (next.done === true) {
      note('leads', next.value);
      break;
    }
    leads.push(...next.value.items);
    progress.pages++;
    progress.leads = leads.length;
    tell('leads');
  }

  const events: StatusChange[] = [];
  const lifecycle: LeadLifecycle[] = [];
  const readEvents = async (phase: SyncPhase, filter: Parameters<ApiClient['eventPages']>[0]) => {
    const source = client.eventPages(filter, { signal });
    for (;;) {
      const next = await source.next();
      if (next.done === true) {
        note(phase === 'history' ? 'events (history)' : 'events', next.value);
        return;
      }
      events.push(...next.value.items);
      lifecycle.push(...next.value.lifecycle);
      progress.pages++;
      progress.events = events.length;
      tell(phase);
    }
  };
  const types = [...SYNC_EVENT_TYPES];
  tell('events');
  await readEvents('events', { types, entity: 'lead', createdFrom: from, createdTo: startedAt });

  if (from !== undefined) {
    // Leads that joined the pipeline (moved in, restored) after living elsewhere: their earlier
    // history predates `from`. Leads created after `from` are covered by the events just read.
    const known = opts.knownLeadIds ?? new Set<number>();
    const newcomers = leads
      .filter(l => (pipelineId === null || l.pipelineId === pipelineId) && !known.has(l.id))
      .filter(l => l.createdAt < from)
      .map(l => l.id);
    for (let i = 0; i < newcomers.length; i += MAX_EVENT_ENTITY_IDS) {
      const entityIds = newcomers.slice(i, i + MAX_EVENT_ENTITY_IDS);
      await readEvents('history', { types, entity: 'lead', entityIds, createdTo: startedAt });
    }
  }

  return {
    startedAt,
    full: from === undefined,
    account,
    pipelines,
    users,
    lossReasons,
    leads,
    events,
    lifecycle,
    incomplete,
  };
}
