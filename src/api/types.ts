import type { UserGroup } from '../core';

/** What the widget and CLI need from GET /api/v4/account (with datetime_settings, users_groups). */
export interface AccountInfo {
  readonly id: number;
  readonly name: string;
  readonly subdomain: string;
  /** The user the requests run as. */
  readonly currentUserId: number;
  /** IANA zone from `_embedded.datetime_settings.timezone`; null when not requested or absent. */
  readonly timezone: string | null;
  readonly currency: string | null;
  readonly currencySymbol: string | null;
  /** Group id 0 is the account's default group. Empty when `users_groups` was not requested. */
  readonly usersGroups: readonly UserGroup[];
}

/** An adapted application/problem+json body (an error response saved to a file, or received). */
export interface ProblemDetails {
  readonly status: number;
  readonly title: string;
  readonly type: string | null;
  readonly detail: string | null;
  readonly retryAfter: number | null;
  readonly traceId: string | null;
  readonly validationErrors: readonly {
    readonly code: string | null;
    readonly path: string | null;
    readonly detail: string | null;
  }[];
}

/**
 * A lead deleted or restored (`lead_deleted` / `lead_restored` events). Deleted leads vanish from
 * GET /leads, so an incremental sync learns about a deletion only from these events.
 */
export interface LeadLifecycle {
  readonly id: string;
  readonly leadId: number;
  readonly createdAt: number;
  readonly kind: 'deleted' | 'restored';
}

/**
 * A lead as a `with=only_deleted` list gives it: deleted, as of `updatedAt`. Which of this, the
 * lead's body and its `lead_deleted` / `lead_restored` events wins is decided by time
 * (sync/lifecycle.ts).
 */
export interface DeletedLead {
  readonly id: number;
  readonly updatedAt: number;
}

/** Told before every retry wait, so the UI/CLI can say "rate limited, retrying in N s". */
export interface WaitInfo {
  readonly reason: 'rate_limited' | 'server_error' | 'network';
  readonly seconds: number;
  /** 1 for the first retry. */
  readonly attempt: number;
  /** Epoch ms (the client's clock) when the next attempt goes: a countdown counts to it. */
  readonly until: number;
  /**
   * rate_limited: seconds of the wait budget left once this wait is over (the CLI's and the
   * widget's "giving up in …"); null for other reasons, which count retries, not time.
   */
  readonly budgetLeftSeconds: number | null;
}

/** Abortable wait; injectable so tests never sleep for real. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** Told after every successful response, with the body exactly as received (CLI sync saves it). */
export interface BodyInfo {
  /** Path and query actually requested, e.g. `/api/v4/leads?page=2&limit=250`. */
  readonly url: string;
  readonly status: number;
  /** undefined for 204 No Content. */
  readonly data: unknown;
}

/** A lead tag (`GET /api/v4/leads/tags`). */
export interface LeadTag {
  readonly id: number;
  readonly name: string;
  readonly color: string | null;
}

/**
 * A lead custom field (`GET /api/v4/leads/custom_fields`): `type` as amoCRM names it (select,
 * multiselect, radiobutton, checkbox, tracking_data, text, …); `enums` null for non-list types.
 */
export interface LeadCustomField {
  readonly id: number;
  readonly name: string;
  readonly type: string;
  readonly code: string | null;
  readonly enums: readonly { readonly id: number; readonly value: string }[] | null;
}
