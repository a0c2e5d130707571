/**
 * The account's meta: read whole the first time, then only the parts that are stale — all of
 * them after an hour, or the part the data names something unknown in.
 */
import type { AccountMeta } from '../../../../src/sync';
import { readMeta } from '../../../../src/sync';
import { META_FRESH_FOR_S, staleParts } from '../../../../src/sync/load/meta';
import type { MetaPart } from '../../../../src/sync/load/meta';
import { A, ev, lead, LOST, P, pipelineP, pipelineQ, Q, WON, X } from '../../core/builders';
import { fakeSource } from './fakeSource';

const NOW = 1_800_000_000;

const held: AccountMeta = {
  account: {
    id: 1,
    name: 'Held',
    subdomain: 'held',
    currentUserId: 1,
    timezone: 'Europe/Moscow',
    currency: null,
    currencySymbol: null,
    usersGroups: [],
  },
  pipelines: [pipelineP],
  users: [{ id: 1, name: 'Held one', groupId: 0, isActive: true }],
  lossReasons: [{ id: 5, name: 'Old', sort: 1 }],
  metaAt: NOW - 60,
};

const kinds = (calls: readonly { kind: string }[]) => calls.map(c => c.kind);

describe('readMeta', () => {
  it('reads every part the first time', async () => {
    const fake = fakeSource({});
    const meta = await readMeta(fake.source, {
      held: null,
      parts: new Set(),
      readUsers: true,
      now: NOW,
    });
    expect(kinds(fake.calls).sort()).toEqual(['account', 'lossReasons', 'pipelines', 'users']);
    expect(meta).toMatchObject({
      account: { name: 'Fake' },
      pipelines: [pipelineP, pipelineQ],
      users: [{ id: 1 }],
      lossReasons: [{ id: 1 }],
      metaAt: NOW,
    });
  });

  it.each<[MetaPart, keyof AccountMeta]>([
    ['account', 'account'],
    ['pipelines', 'pipelines'],
    ['users', 'users'],
    ['lossReasons', 'lossReasons'],
  ])('reads only %s when only that is stale, keeping the rest', async (part, key) => {
    const fake = fakeSource({});
    const meta = await readMeta(fake.source, {
      held,
      parts: new Set([part]),
      readUsers: true,
      now: NOW,
    });
    expect(kinds(fake.calls)).toEqual([part]);
    expect(meta[key]).not.toEqual(held[key]);
    expect({ ...meta, [key]: held[key] }).toEqual({ ...held, metaAt: NOW });
  });

  it('never asks for users when the user may not list them', async () => {
    const fake = fakeSource({});
    const first = await readMeta(fake.source, {
      held: null,
      parts: new Set(),
      readUsers: false,
      now: NOW,
    });
    expect(first.users).toBeNull();
    const again = await readMeta(fake.source, {
      held,
      parts: new Set(['users']),
      readUsers: false,
      now: NOW,
    });
    expect(again.users).toBeNull();
    expect(kinds(fake.calls)).not.toContain('users');
  });
});

describe('staleParts', () => {
  const none = { leads: [], changes: [] };

  it('is everything once the meta is an hour old, nothing before', () => {
    expect(staleParts(held, held.metaAt + META_FRESH_FOR_S, none)).toEqual(
      new Set(['account', 'pipelines', 'users', 'lossReasons']),
    );
    expect(staleParts(held, held.metaAt + META_FRESH_FOR_S - 1, none)).toEqual(new Set());
  });

  it('knows the data it was read for', () => {
    const leads = [
      lead(1, { statusId: A, responsibleUserId: 1, lossReasonId: null }),
      lead(2, { statusId: LOST, lossReasonId: 5 }),
      // Won and lost are in every pipeline, listed or not; user 0 is nobody.
      lead(3, { pipelineId: 555, statusId: WON, responsibleUserId: 0 }),
    ];
    const changes = [ev(1, 1, [P, A], [P, LOST]), ev(3, 1, [555, 143], [555, 142])];
    expect(staleParts(held, NOW, { leads, changes })).toEqual(new Set());
  });

  it('pipelines: a status it does not know, on a lead or either side of a change', () => {
    expect(staleParts(held, NOW, { leads: [lead(1, { statusId: 999 })], changes: [] })).toEqual(
      new Set(['pipelines']),
    );
    expect(staleParts(held, NOW, { leads: [], changes: [ev(1, 1, [P, A], [Q, X])] })).toEqual(
      new Set(['pipelines']),
    );
    expect(staleParts(held, NOW, { leads: [], changes: [ev(1, 1, [Q, X], [P, A])] })).toEqual(
      new Set(['pipelines']),
    );
  });

  it('users: a responsible user it does not know (0 is nobody; non-admins hold none)', () => {
    const data = { leads: [lead(1, { responsibleUserId: 2 })], changes: [] };
    expect(staleParts(held, NOW, data)).toEqual(new Set(['users']));
    expect(staleParts({ ...held, users: null }, NOW, data)).toEqual(new Set());
    expect(
      staleParts(held, NOW, { leads: [lead(1, { responsibleUserId: 0 })], changes: [] }),
    ).toEqual(new Set());
    expect(
      staleParts(held, NOW, { leads: [lead(1, { responsibleUserId: null })], changes: [] }),
    ).toEqual(new Set());
  });

  it('lossReasons: a loss reason it does not know', () => {
    const data = { leads: [lead(1, { statusId: LOST, lossReasonId: 6 })], changes: [] };
    expect(staleParts(held, NOW, data)).toEqual(new Set(['lossReasons']));
  });
});
