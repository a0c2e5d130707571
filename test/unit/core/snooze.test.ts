import { buildReport, isSnoozed, snoozeOf } from '../../../src/core';
import { A, B, at, input, lead, mv } from './builders';

const UNTIL = 77;
const REASON = 78;
const fields = { untilFieldId: UNTIL, reasonFieldId: REASON };
const now = at(1000);

// Leads 1–5 sit at A since hour 0: 1000 hours in, far past the 7-day default threshold.
function account(marks: Record<number, Record<string, (string | number)[]>>) {
  const ids = [1, 2, 3, 4, 5];
  return input(
    ids.map(id => lead(id, { statusId: A, ...(marks[id] && { fields: marks[id] }) })),
    ids.map(id => mv(id, 0, 1000, A)),
  );
}

describe('snoozed deals (F.6), by hand', () => {
  const data = account({
    1: { [UNTIL]: [String(at(1200))], [REASON]: ['ждёт оплату'] }, // ahead, with a reason
    2: { [UNTIL]: [String(now)], [REASON]: ['срок вышел'] }, // exactly now: back in stuck
    3: { [UNTIL]: [at(900)] }, // past date (a number, as amoCRM sends it)
    4: { [REASON]: ['без даты'] }, // a reason alone marks nothing
    5: { [UNTIL]: [at(1100)] }, // ahead, no reason
  });
  const report = buildReport(data, { from: at(-10), to: at(10), now, snooze: fields });

  it('lists the deals whose date is ahead apart, soonest first, with their reason', () => {
    expect(report.snoozed?.map(d => [d.leadId, d.until, d.reason, d.stuck])).toEqual([
      [5, at(1100), null, true],
      [1, at(1200), 'ждёт оплату', true],
    ]);
  });

  it('keeps the rest stuck and counts the stage without them', () => {
    expect(report.stuck.map(d => d.leadId).sort()).toEqual([2, 3, 4]);
    const a = report.stages.find(s => s.id === A);
    expect(a).toMatchObject({ stuck: 3, snoozed: 2 });
    expect(report.stages.find(s => s.id === B)).toMatchObject({ stuck: 0, snoozed: 0 });
  });

  it('changes nothing when the fields are not named', () => {
    const plain = buildReport(data, { from: at(-10), to: at(10), now });
    expect(plain.snoozed).toBeUndefined();
    expect(plain.stuck).toHaveLength(5);
    expect(plain.stages[0]).not.toHaveProperty('snoozed');
    expect(plain.options).not.toHaveProperty('snooze');
  });

  it('reads a mark without a reason field, and ignores an unreadable date', () => {
    const l = lead(9, { fields: { [UNTIL]: ['завтра', String(at(5))], [REASON]: ['  x '] } });
    expect(snoozeOf(l, fields)).toEqual({ until: at(5), reason: 'x' });
    expect(snoozeOf(l, { untilFieldId: UNTIL, reasonFieldId: null })).toEqual({
      until: at(5),
      reason: null,
    });
    expect(snoozeOf(lead(9), fields)).toBeNull();
    expect(isSnoozed({ until: at(5), reason: null }, at(5))).toBe(false);
    expect(isSnoozed({ until: at(5), reason: null }, at(5) - 1)).toBe(true);
  });
});
