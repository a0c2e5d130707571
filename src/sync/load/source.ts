/**
 * What loading a pipeline's history reads from amoCRM, one page at a time. The loaders decide
 * which pages to read and in what order; this says how one page is read (over the API client in
 * the widget and the CLI, over fakes in tests).
 */
import type { AccountInfo, ApiClient, EventFilter, LeadFilter, LeadLifecycle } from '../../api';
import type { Lead, LossReason, Pipeline, StatusChange, User } from '../../core';

export interface LeadPage {
  readonly items: readonly Lead[];
  /** The list goes on after this page. */
  readonly more: boolean;
  /** Items the server returned, before the client-side re-check of the filter. */
  readonly returned: number;
}

export interface EventPage {
  readonly changes: readonly StatusChange[];
  readonly lifecycle: readonly LeadLifecycle[];
  readonly more: boolean;
  /** The oldest `created_at` on the page as returned (lists come newest first); null if empty. */
  readonly oldest: number | null;
}

export interface HistorySource {
  account(signal?: AbortSignal): Promise<AccountInfo>;
  pipelines(signal?: AbortSignal): Promise<Pipeline[]>;
  /** null when the user may not list users. */
  users(signal?: AbortSignal): Promise<User[] | null>;
  lossReasons(signal?: AbortSignal): Promise<LossReason[]>;
  leads(filter: LeadFilter, page: number, signal?: AbortSignal): Promise<LeadPage>;
  events(filter: EventFilter, page: number, signal?: AbortSignal): Promise<EventPage>;
}

/** The source over amoCRM's API v4 client: one request per page. */
export function apiSource(client: ApiClient): HistorySource {
  return {
    account: signal => client.getAccount({ signal }),
    pipelines: signal => client.getPipelines({ signal }),
    users: signal => client.getUsers({ signal }),
    lossReasons: signal => client.getLossReasons({ signal }),
    async leads(filter, page, signal) {
      const pages = client.leadPages(filter, { signal, firstPage: page, maxPages: 1 });
      const first = await pages.next();
      if (first.done === true) return { items: [], more: false, returned: 0 };
      const end = await pages.next();
      return {
        items: first.value.items,
        more: end.done === true && end.value.reason === 'max_pages',
        returned: first.value.returned,
      };
    },
    async events(filter, page, signal) {
      const pages = client.eventPages(filter, { signal, firstPage: page, maxPages: 1 });
      const first = await pages.next();
      if (first.done === true) return { changes: [], lifecycle: [], more: false, oldest: null };
      const end = await pages.next();
      return {
        changes: first.value.items,
        lifecycle: first.value.lifecycle,
        more: end.done === true && end.value.reason === 'max_pages',
        oldest: first.value.oldest,
      };
    },
  };
}
