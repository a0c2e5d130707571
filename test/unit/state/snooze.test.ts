import { ApiError } from '../../../src/api';
import type { LeadWriter } from '../../../src/api';
import { createSnoozeControl, mayEdit, snoozeFieldsOf } from '../../../src/state';

const fields = { untilFieldId: 77, reasonFieldId: 78 };

function writer(fail?: Error): LeadWriter & { calls: unknown[][] } {
  const calls: unknown[][] = [];
  return {
    calls,
    snoozeLead: (...args) => {
      calls.push(args);
      return fail === undefined ? Promise.resolve({ updatedAt: 1 }) : Promise.reject(fail);
    },
    createLeadFields: () => Promise.resolve([]),
  };
}

describe('snoozing from the page (metrics.md F.6)', () => {
  it('asks for the fields once a date field is chosen', () => {
    expect(snoozeFieldsOf({ snoozeUntilFieldId: null, snoozeReasonFieldId: 5 })).toBeNull();
    expect(snoozeFieldsOf({ snoozeUntilFieldId: 4, snoozeReasonFieldId: null })).toEqual({
      untilFieldId: 4,
      reasonFieldId: null,
    });
    // One field cannot be both.
    expect(
      snoozeFieldsOf({ snoozeUntilFieldId: 4, snoozeReasonFieldId: 4 })?.reasonFieldId,
    ).toBeNull();
  });

  it('offers the action by the edit right: A, G (amoCRM checks the group), M own, D none', () => {
    const user = (leadsEdit: 'A' | 'G' | 'M' | 'D' | null, isAdmin = false) => ({
      id: 7,
      isAdmin,
      leadsEdit,
    });
    expect(mayEdit(user('A'), 1)).toBe(true);
    expect(mayEdit(user('G'), 1)).toBe(true);
    expect(mayEdit(user('M'), 1)).toBe(false);
    expect(mayEdit(user('M'), 7)).toBe(true);
    expect(mayEdit(user('D'), 7)).toBe(false);
    expect(mayEdit(user('D', true), 1)).toBe(true);
    expect(mayEdit(user(null), null)).toBe(true);
  });

  it('writes, then refreshes once; a failure is a code and refreshes nothing', async () => {
    let refreshed = 0;
    const user = { id: 7, isAdmin: false, leadsEdit: 'A' as const };
    const w = writer();
    const ok = createSnoozeControl({
      fields,
      user,
      writer: () => Promise.resolve(w),
      afterWrite: () => refreshed++,
    });
    expect(await ok.save(5, { until: 100, reason: 'x' })).toEqual({ ok: true });
    expect(w.calls).toEqual([[5, { until: 100, reason: 'x' }, fields]]);
    expect(refreshed).toBe(1);
    const outcomes = [];
    for (const error of [
      new ApiError('FORBIDDEN', { status: 403 }),
      new ApiError('BAD_REQUEST', { status: 400 }),
      new ApiError('NETWORK'),
      new ApiError('TIMEOUT'),
      new ApiError('SERVER', { status: 500 }),
      new RangeError('bad date'),
    ]) {
      const failing = createSnoozeControl({
        fields,
        user,
        writer: () => Promise.resolve(writer(error)),
        afterWrite: () => refreshed++,
      });
      outcomes.push(await failing.save(5, { until: 100, reason: null }));
    }
    expect(outcomes.map(o => (o.ok ? 'ok' : o.error))).toEqual([
      'FORBIDDEN',
      'INVALID',
      'NETWORK',
      'NETWORK',
      'FAILED',
      'INVALID',
    ]);
    // The API's code could not even be fetched: no answer.
    const offline = createSnoozeControl({
      fields,
      user,
      writer: () => Promise.reject(new ApiError('NETWORK')),
      afterWrite: () => refreshed++,
    });
    expect(await offline.save(5, { until: null, reason: null })).toEqual({
      ok: false,
      error: 'NETWORK',
    });
    expect(refreshed).toBe(1);
  });
});
