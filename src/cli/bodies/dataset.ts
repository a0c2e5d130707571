import type { Lead, LossReason, Pipeline, Status, StatusChange, User } from '../../core';
import type { AccountInfo, DeletedLead, LeadLifecycle } from '../../api';
import { deletedByTime, keepLatestLifecycle } from '../../sync';
import { parseBody, recognizeBody } from './recognize';
import type { BodyKind, ParsedBody } from './recognize';

/** Everything the report reads, merged from many saved bodies. */
export interface Dataset {
  readonly account: AccountInfo | null;
  readonly pipelines: readonly Pipeline[];
  readonly leads: readonly Lead[];
  readonly events: readonly StatusChange[];
  readonly lossReasons: readonly LossReason[];
  readonly users: readonly User[];
}

export interface DatasetBuilder {
  /** Recognises, validates and adds one saved body; returns its kind ('unknown' adds nothing). */
  addBody(json: unknown): BodyKind | 'unknown';
  addParsed(parsed: ParsedBody): void;
  addAccount(account: AccountInfo): void;
  addPipelines(pipelines: readonly Pipeline[]): void;
  /** Statuses from a statuses list or a single status body; merged into their pipeline. */
  addStatuses(statuses: readonly Status[]): void;
  addLeads(leads: readonly Lead[]): void;
  /** Leads a `with=only_deleted` list gave as deleted; a lead deleted after its body comes out `isDeleted`. */
  addDeleted(deleted: readonly DeletedLead[]): void;
  addEvents(events: readonly StatusChange[]): void;
  /** Deletions and restorations; which wins against a lead's body is decided by time. */
  addLifecycle(events: readonly LeadLifecycle[]): void;
  addUsers(users: readonly User[]): void;
  addLossReasons(reasons: readonly LossReason[]): void;
  build(): Dataset;
}

type PipelineBase = Omit<Pipeline, 'statuses'>;

interface PipelineEntry {
  base: PipelineBase | null;
  readonly statuses: Map<number, Status>;
}

const bySortThenId = (a: { sort: number; id: number }, b: { sort: number; id: number }): number =>
  a.sort - b.sort || a.id - b.id;

/**
 * Accumulates adapted items from many bodies or pages, de-duplicated with Maps so 100k leads and
 * 1M events stay linear:
 * - a lead seen twice (overlapping pages, re-syncs) keeps the copy with the larger `updatedAt`;
 * - events are keyed by their string id;
 * - pipelines and statuses merge by id, later fields winning; statuses whose pipeline body never
 *   arrives still yield a pipeline (name '', sort 0) so a statuses-only dump remains usable;
 * - deleted leads are kept: the engine decides what to drop.
 */
export function createDatasetBuilder(): DatasetBuilder {
  let account: AccountInfo | null = null;
  const pipelines = new Map<number, PipelineEntry>();
  const leads = new Map<number, Lead>();
  const events = new Map<string, StatusChange>();
  const users = new Map<number, User>();
  const lossReasons = new Map<number, LossReason>();
  const lifecycle = new Map<number, LeadLifecycle>();
  const deletedAt = new Map<number, number>();

  /**
   * The latest of the body, an only_deleted listing and a deletion or restoration event decides
   * whether the lead is deleted (sync/lifecycle.ts): a deletion after the body hides it, a
   * restoration after a body saying deleted brings it back.
   */
  function withLifecycle(lead: Lead): Lead {
    const isDeleted = deletedByTime(lead, lifecycle.get(lead.id), deletedAt.get(lead.id));
    return isDeleted === lead.isDeleted ? lead : { ...lead, isDeleted };
  }

  function entry(pipelineId: number): PipelineEntry {
    let found = pipelines.get(pipelineId);
    if (found === undefined) {
      found = { base: null, statuses: new Map() };
      pipelines.set(pipelineId, found);
    }
    return found;
  }

  const builder: DatasetBuilder = {
    addBody(json) {
      const recognized = recognizeBody(json);
      if (recognized.kind !== 'unknown') builder.addParsed(parseBody(recognized.kind, json));
      return recognized.kind;
    },
    addParsed(parsed) {
      if ('pipelines' in parsed) builder.addPipelines(parsed.pipelines);
      else if ('statuses' in parsed) builder.addStatuses(parsed.statuses);
      else if ('leads' in parsed) {
        builder.addLeads(parsed.leads);
        builder.addDeleted(parsed.deleted);
      } else if ('events' in parsed) {
        builder.addEvents(parsed.events);
        builder.addLifecycle(parsed.lifecycle);
      } else if ('users' in parsed) builder.addUsers(parsed.users);
      else if ('lossReasons' in parsed) builder.addLossReasons(parsed.lossReasons);
      else if ('account' in parsed) builder.addAccount(parsed.account);
      // Error bodies carry no data; the caller decides whether to report them.
    },
    addAccount(next) {
      account = next;
    },
    addPipelines(list) {
      for (const { statuses, ...base } of list) {
        entry(base.id).base = base;
        builder.addStatuses(statuses);
      }
    },
    addStatuses(list) {
      for (const status of list) entry(status.pipelineId).statuses.set(status.id, status);
    },
    addLeads(list) {
      for (const lead of list) {
        const seen = leads.get(lead.id);
        if (seen === undefined || lead.updatedAt >= seen.updatedAt) leads.set(lead.id, lead);
      }
    },
    addDeleted(list) {
      for (const { id, updatedAt } of list) {
        deletedAt.set(id, Math.max(deletedAt.get(id) ?? updatedAt, updatedAt));
      }
    },
    addEvents(list) {
      for (const event of list) events.set(event.id, event);
    },
    addLifecycle(list) {
      keepLatestLifecycle(lifecycle, list);
    },
    addUsers(list) {
      for (const user of list) users.set(user.id, user);
    },
    addLossReasons(list) {
      for (const reason of list) lossReasons.set(reason.id, reason);
    },
    build() {
      const builtPipelines: Pipeline[] = [];
      for (const [id, { base, statuses }] of pipelines) {
        const fields = base ?? { id, name: '', sort: 0, isMain: false, isArchive: false };
        builtPipelines.push({ ...fields, statuses: [...statuses.values()].sort(bySortThenId) });
      }
      return {
        account,
        pipelines: builtPipelines.sort(bySortThenId),
        leads: [...leads.values()].map(withLifecycle).sort((a, b) => a.id - b.id),
        // First-seen order; the engine orders each lead's history itself.
        events: [...events.values()],
        lossReasons: [...lossReasons.values()].sort(bySortThenId),
        users: [...users.values()].sort((a, b) => a.id - b.id),
      };
    },
  };
  return builder;
}
