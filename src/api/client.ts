import type { AxiosInstance } from 'axios';
import type { Lead, LossReason, Pipeline, StatusChange, User } from '../core';
import {
  adaptAccount,
  adaptCustomField,
  adaptLead,
  adaptLossReason,
  adaptPipeline,
  adaptTag,
  adaptUser,
} from './adapt';
import { ApiError } from './errors';
import {
  MAX_EVENT_LIMIT,
  MAX_LEAD_LIMIT,
  assertEventFilter,
  eventMatcher,
  eventQuery,
  leadMatcher,
  leadQuery,
} from './filters';
import type { EventFilter, LeadFilter } from './filters';
import { readEventPage, readLeadList } from './pages';
import { collect, pages, zodReader } from './paging';
import type { PagingEnd } from './paging';
import { parseWith } from './parse';
import type { Query } from './query';
import { createRequester } from './request';
import type { RequesterOptions } from './request';
import {
  RawAccountSchema,
  RawFieldDefListSchema,
  RawLeadSchema,
  RawLossReasonListSchema,
  RawPipelineListSchema,
  RawPipelineSchema,
  RawTagListSchema,
  RawUserListSchema,
} from './schemas';
import type { AccountInfo, LeadCustomField, LeadLifecycle, LeadTag } from './types';

export interface CallOptions {
  readonly signal?: AbortSignal | undefined;
}

export interface PageCallOptions extends CallOptions {
  /** Items per page (capped at the method's maximum). */
  readonly limit?: number | undefined;
  readonly maxPages?: number | undefined;
  /** The page to start from (1-based). */
  readonly firstPage?: number | undefined;
}

/** One page of a list: the body exactly as received (the CLI saves it) and its adapted items. */
export interface ApiPage<T> {
  readonly page: number;
  /** Path and query requested, relative to the account origin. */
  readonly url: string;
  readonly raw: unknown;
  /** Adapted and re-filtered client-side; may be shorter than the raw page. */
  readonly items: readonly T[];
  /** How many items the page listed before the re-check: more than `items` when a filter was ignored. */
  readonly returned: number;
}

export interface EventPage extends ApiPage<StatusChange> {
  readonly lifecycle: readonly LeadLifecycle[];
  /** The oldest `created_at` the page listed (events come newest first); null when empty. */
  readonly oldest: number | null;
}

export type ClientOptions = Omit<RequesterOptions, 'http'> & { readonly http: AxiosInstance };

export interface ApiClient {
  getAccount(options?: CallOptions): Promise<AccountInfo>;
  getPipelines(options?: CallOptions): Promise<Pipeline[]>;
  /** null when amoCRM answers 204 (no such pipeline). */
  getPipeline(id: number, options?: CallOptions): Promise<Pipeline | null>;
  /** null on 403: only administrators may list users. */
  getUsers(options?: CallOptions): Promise<User[] | null>;
  getLossReasons(options?: CallOptions): Promise<LossReason[]>;
  /** The account's lead tags: names for the ids leads carry (the slice filter). */
  getLeadTags(options?: CallOptions): Promise<LeadTag[]>;
  /** The account's lead custom fields with their choices (the slice filter). */
  getLeadCustomFields(options?: CallOptions): Promise<LeadCustomField[]>;
  leadPages(
    filter?: LeadFilter,
    options?: PageCallOptions,
  ): AsyncGenerator<ApiPage<Lead>, PagingEnd, undefined>;
  /** null when amoCRM answers 204 (the documented "not found" for a lead). */
  getLead(
    id: number,
    options?: CallOptions & { readonly withLossReason?: boolean },
  ): Promise<Lead | null>;
  /**
   * Items are the `lead_status_changed` events of each page, `lifecycle` its lead deletions and
   * restorations; other types stay in `raw`.
   */
  eventPages(
    filter: EventFilter,
    options?: PageCallOptions,
  ): AsyncGenerator<EventPage, PagingEnd, undefined>;
}

const LEADS = '/api/v4/leads';
const EVENTS = '/api/v4/events';
const PIPELINES = '/api/v4/leads/pipelines';

/** `/base/{id}` for a positive integer id; anything else is a caller bug, not a request. */
function byId(base: string, id: number): string {
  if (!Number.isSafeInteger(id) || id <= 0) throw new RangeError(`Not an amoCRM id: ${id}`);
  return `${base}/${id}`;
}

function clampLimit(limit: number | undefined, fallback: number, max: number): number {
  return Math.max(1, Math.min(max, Math.floor(limit ?? fallback)));
}

/**
 * The amoCRM v4 reader. Every response goes `unknown → zod → adapter → core type`, except the two
 * big lists (leads, events), whose hand-written readers (pages/) check and adapt in one pass; every
 * request is throttled to the account's rate limit and retried per the rules in request.ts.
 */
export function createApiClient(options: ClientOptions): ApiClient {
  const get = createRequester(options);

  async function getOne<T>(
    path: string,
    query: Query,
    parse: (data: unknown) => T,
    signal: AbortSignal | undefined,
  ): Promise<T | null> {
    const response = await get(path, query, signal);
    return response.data === undefined ? null : parse(response.data);
  }

  async function* leadPages(filter: LeadFilter = {}, opts: PageCallOptions = {}) {
    const matches = leadMatcher(filter);
    const limit = clampLimit(opts.limit, MAX_LEAD_LIMIT, MAX_LEAD_LIMIT);
    const source = pages(
      get,
      LEADS,
      leadQuery(filter),
      (data, where) => {
        const leads = readLeadList(data, where);
        return { items: leads.filter(matches), listed: leads };
      },
      { ...opts, limit },
    );
    for (;;) {
      const next = await source.next();
      if (next.done === true) return next.value;
      const { page, url, raw, items, listed } = next.value;
      yield { page, url, raw, items, returned: listed.length };
    }
  }

  async function* eventPages(filter: EventFilter, opts: PageCallOptions = {}) {
    assertEventFilter(filter);
    const limit = clampLimit(opts.limit, MAX_EVENT_LIMIT, MAX_EVENT_LIMIT);
    // The matcher sees each raw event after its own fields are checked and before it is adapted;
    // every event is still checked, so a malformed one fails the page even when it is dropped.
    const matches = eventMatcher(filter);
    const source = pages(
      get,
      EVENTS,
      eventQuery(filter),
      (data, where) => {
        const { changes, lifecycle, listed } = readEventPage(data, where, matches);
        return { items: { changes, lifecycle, oldest: oldestOf(listed) }, listed };
      },
      { ...opts, limit },
    );
    for (;;) {
      const next = await source.next();
      if (next.done === true) return next.value;
      const { page, url, raw, items, listed } = next.value;
      yield {
        page,
        url,
        raw,
        items: items.changes,
        lifecycle: items.lifecycle,
        returned: listed.length,
        oldest: items.oldest,
      };
    }
  }

  return {
    async getAccount({ signal } = {}) {
      const query = [['with', 'datetime_settings,users_groups']] as const;
      const account = await getOne(
        '/api/v4/account',
        query,
        data => adaptAccount(parseWith(RawAccountSchema, data, { path: '/api/v4/account' })),
        signal,
      );
      if (account === null) throw new ApiError('HTTP', { status: 204, path: '/api/v4/account' });
      return account;
    },
    async getPipelines({ signal } = {}) {
      const list = await getOne(
        PIPELINES,
        [],
        data => parseWith(RawPipelineListSchema, data, { path: PIPELINES }),
        signal,
      );
      return list === null ? [] : list._embedded.pipelines.map(adaptPipeline);
    },
    async getPipeline(id, { signal } = {}) {
      const path = byId(PIPELINES, id);
      return await getOne(
        path,
        [],
        data => adaptPipeline(parseWith(RawPipelineSchema, data, { path })),
        signal,
      );
    },
    async getUsers({ signal } = {}) {
      const users = zodReader(RawUserListSchema, b => b._embedded.users);
      const source = pages(get, '/api/v4/users', [], users, { limit: 250, signal });
      try {
        return (await collect(source)).map(adaptUser);
      } catch (error) {
        if (error instanceof ApiError && error.code === 'FORBIDDEN') return null;
        throw error;
      }
    },
    async getLossReasons({ signal } = {}) {
      const path = `${LEADS}/loss_reasons`;
      const reasons = zodReader(RawLossReasonListSchema, b => b._embedded.loss_reasons);
      const source = pages(get, path, [], reasons, { signal });
      return (await collect(source)).map(adaptLossReason);
    },
    async getLeadTags({ signal } = {}) {
      const tags = zodReader(RawTagListSchema, b => b._embedded.tags);
      const source = pages(get, `${LEADS}/tags`, [], tags, { limit: 250, signal });
      return (await collect(source)).map(adaptTag);
    },
    async getLeadCustomFields({ signal } = {}) {
      // 50 is the documented page size of the fields list; an account has few fields.
      const fields = zodReader(RawFieldDefListSchema, b => b._embedded.custom_fields);
      const source = pages(get, `${LEADS}/custom_fields`, [], fields, { limit: 50, signal });
      return (await collect(source)).map(adaptCustomField);
    },
    leadPages,
    async getLead(id, { signal, withLossReason } = {}) {
      const path = byId(LEADS, id);
      const query = withLossReason === true ? ([['with', 'loss_reason']] as const) : [];
      return await getOne(
        path,
        query,
        data => adaptLead(parseWith(RawLeadSchema, data, { path })),
        signal,
      );
    },
    eventPages,
  };
}

function oldestOf(listed: readonly { readonly created_at: number }[]): number | null {
  let oldest: number | null = null;
  for (const e of listed) if (oldest === null || e.created_at < oldest) oldest = e.created_at;
  return oldest;
}
