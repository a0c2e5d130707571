/**
 * Snoozing a deal from the page (docs/metrics.md F.6): which fields hold the mark (settings), who
 * is offered the action, and the write itself, whose failure is a code the UI words. amoCRM stays
 * the judge of the right: the offer only spares a user a button that would be refused.
 */
import type { LeadWriter } from '../api';
import type { SnoozeFields } from '../core';
import type { WidgetSettings } from './settings';

/** What a failed write tells the user: refused, a value amoCRM did not take, no answer, other. */
export type SnoozeError = 'FORBIDDEN' | 'INVALID' | 'NETWORK' | 'FAILED';
export type SnoozeOutcome =
  { readonly ok: true } | { readonly ok: false; readonly error: SnoozeError };

/** A mark to write: both null un-snoozes. `until` in epoch seconds. */
export interface SnoozeMarkDraft {
  readonly until: number | null;
  readonly reason: string | null;
}

/** amoCRM's leads edit right (`rights.leads.edit`): all, own group, own, none. */
export type EditRight = 'A' | 'G' | 'M' | 'D';

export interface SnoozeUser {
  readonly id: number;
  readonly isAdmin: boolean;
  /** null: the page does not say; the action is offered and amoCRM decides. */
  readonly leadsEdit: EditRight | null;
}

/** The settings' fields as the report asks for them; null until a date field is chosen. */
export function snoozeFieldsOf(
  settings: Pick<WidgetSettings, 'snoozeUntilFieldId' | 'snoozeReasonFieldId'>,
): SnoozeFields | null {
  const until = settings.snoozeUntilFieldId;
  if (until === null) return null;
  const reason = settings.snoozeReasonFieldId;
  return { untilFieldId: until, reasonFieldId: reason === until ? null : reason };
}

/**
 * Whether to offer the action on a lead owned by `responsibleUserId`. A group right is offered on
 * every lead: the page does not know the owners' groups, and amoCRM refuses the others.
 */
export function mayEdit(user: SnoozeUser, responsibleUserId: number | null): boolean {
  if (user.isAdmin) return true;
  if (user.leadsEdit === 'D') return false;
  if (user.leadsEdit === 'M') return responsibleUserId === user.id;
  return true;
}

export interface SnoozeControl {
  readonly fields: SnoozeFields;
  mayEdit(responsibleUserId: number | null): boolean;
  /** Writes the mark; on success the data is refreshed so the lead's new values come in. */
  save(leadId: number, mark: SnoozeMarkDraft): Promise<SnoozeOutcome>;
}

/** The API error's code, read by shape so the page need not load the API's code to check it. */
function errorOf(error: unknown): SnoozeError {
  if (error instanceof RangeError) return 'INVALID';
  const code =
    typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : null;
  if (code === 'FORBIDDEN') return 'FORBIDDEN';
  if (code === 'BAD_REQUEST') return 'INVALID';
  if (code === 'NETWORK' || code === 'TIMEOUT') return 'NETWORK';
  return 'FAILED';
}

export function createSnoozeControl(deps: {
  readonly fields: SnoozeFields;
  readonly user: SnoozeUser;
  /** The writer, whose code is fetched on the first write. */
  readonly writer: () => Promise<LeadWriter>;
  /** After a write amoCRM took: one incremental refresh brings the lead's new `updated_at`. */
  readonly afterWrite: () => void;
}): SnoozeControl {
  return {
    fields: deps.fields,
    mayEdit: responsible => mayEdit(deps.user, responsible),
    async save(leadId, mark) {
      try {
        const writer = await deps.writer();
        await writer.snoozeLead(leadId, mark, deps.fields);
      } catch (error) {
        return { ok: false, error: errorOf(error) };
      }
      deps.afterWrite();
      return { ok: true };
    },
  };
}
