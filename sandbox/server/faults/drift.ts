/**
 * Page drift: while a client pages through a list, new records arrive at its front, so the next
 * page starts with items the client already has. The new records copy the list's first item (so
 * they pass the same filters and rights) and are real data from then on: a test compares the
 * client's result with `ctx.account` after the run.
 */
import type { DemoEvent, DemoLead } from '../../demo/types';
import type { SandboxContext } from '../types';

/**
 * Leads sort by the order key, ties by id in the same direction. A copy with the same timestamps
 * and an id beyond the front one in that direction sorts first.
 */
export function insertLeadsAtFront(
  ctx: SandboxContext,
  front: DemoLead,
  direction: 'asc' | 'desc',
  count: number,
): DemoLead[] {
  const used = new Set(ctx.account.leads.map(lead => lead.id));
  const added: DemoLead[] = [];
  // A loop, not Math.max(...ids): a million-lead account would overflow the argument list.
  let candidate = front.id;
  if (direction === 'desc') for (const id of used) candidate = Math.max(candidate, id);
  while (added.length < count) {
    candidate += direction === 'desc' ? 1 : -1;
    if (candidate <= 0) break;
    if (used.has(candidate)) continue;
    used.add(candidate);
    added.push({ ...front, id: candidate, name: `Сделка #${candidate}`, tags: [...front.tags] });
  }
  ctx.account = { ...ctx.account, leads: [...ctx.account.leads, ...added] };
  return added;
}

/**
 * Events come newest first, ties by id descending; a copy with the same time and an id that
 * extends the front one sorts before it. Only that default order drifts: the ascending order is
 * undocumented (reference §3) and left alone.
 */
export function insertEventsAtFront(
  ctx: SandboxContext,
  front: DemoEvent,
  count: number,
): DemoEvent[] {
  const used = new Set(ctx.account.events.map(event => event.id));
  const added: DemoEvent[] = [];
  for (let n = 1; added.length < count; n += 1) {
    const id = `${front.id}${n.toString(36)}`;
    if (used.has(id)) continue;
    used.add(id);
    added.push({ ...front, id });
  }
  // Keep the account's events oldest first, the order DemoAccount promises.
  const events = [...ctx.account.events];
  let at = events.length;
  while (at > 0 && (events[at - 1]?.created_at ?? 0) > front.created_at) at -= 1;
  events.splice(at, 0, ...added);
  ctx.account = { ...ctx.account, events };
  return added;
}
