/**
 * The account's slow-changing facts — account, pipelines with their statuses, users, loss
 * reasons — read at the first load, then at most hourly, or at once when data names something
 * they do not know (a new stage, a new manager, a new loss reason).
 */
import type { AccountInfo, LeadLifecycle } from '../../api';
import type { Lead, LossReason, Pipeline, StatusChange, User } from '../../core';
import type { HistorySource } from './source';

export const META_FRESH_FOR_S = 3600;

export interface AccountMeta {
  readonly account: AccountInfo;
  readonly pipelines: readonly Pipeline[];
  readonly users: readonly User[] | null;
  readonly lossReasons: readonly LossReason[];
  /** When it was read (epoch s). */
  readonly metaAt: number;
}

export type MetaPart = 'account' | 'pipelines' | 'users' | 'lossReasons';

/** Reads the parts asked for (all of them without a `held` copy), keeping the others. */
export async function readMeta(
  source: HistorySource,
  options: {
    readonly held: AccountMeta | null;
    readonly parts: ReadonlySet<MetaPart>;
    readonly readUsers: boolean;
    readonly now: number;
    readonly signal?: AbortSignal | undefined;
  },
): Promise<AccountMeta> {
  const { held, parts, signal } = options;
  const want = (p: MetaPart) => held === null || parts.has(p);
  const account = want('account') ? await source.account(signal) : held?.account;
  const pipelines = want('pipelines') ? await source.pipelines(signal) : held?.pipelines;
  // Only administrators may list users; asking anyway costs a failed request every sync.
  const users = !options.readUsers
    ? null
    : want('users')
      ? await source.users(signal)
      : (held?.users ?? null);
  const lossReasons = want('lossReasons') ? await source.lossReasons(signal) : held?.lossReasons;
  if (!account || !pipelines || !lossReasons)
    throw new Error('meta: a part was neither held nor read');
  return { account, pipelines, users, lossReasons, metaAt: options.now };
}

/** What the held meta no longer covers: all of it when old, else what the new data names. */
export function staleParts(
  meta: AccountMeta,
  now: number,
  data: {
    leads: readonly Lead[];
    changes: readonly StatusChange[];
    lifecycle?: readonly LeadLifecycle[];
  },
): Set<MetaPart> {
  if (now - meta.metaAt >= META_FRESH_FOR_S)
    return new Set(['account', 'pipelines', 'users', 'lossReasons']);
  const stale = new Set<MetaPart>();
  const statuses = new Set(meta.pipelines.flatMap(p => p.statuses.map(s => `${p.id}:${s.id}`)));
  const known = (pipelineId: number, statusId: number) =>
    statuses.has(`${pipelineId}:${statusId}`) || statusId === 142 || statusId === 143;
  const users = meta.users === null ? null : new Set(meta.users.map(u => u.id));
  const reasons = new Set(meta.lossReasons.map(r => r.id));
  for (const l of data.leads) {
    if (!known(l.pipelineId, l.statusId)) stale.add('pipelines');
    // No user (null) is nobody to look up; nor is 0, which some accounts may send for it.
    const user = l.responsibleUserId;
    if (users && user !== null && user !== 0 && !users.has(user)) stale.add('users');
    if (l.lossReasonId !== null && !reasons.has(l.lossReasonId)) stale.add('lossReasons');
  }
  for (const e of data.changes) {
    if (
      !known(e.after.pipelineId, e.after.statusId) ||
      (e.before !== null && !known(e.before.pipelineId, e.before.statusId))
    )
      stale.add('pipelines');
  }
  return stale;
}
