import { buildReport } from '../../../src/core';
import type { Lead } from '../../../src/core';
import { A, B, C, LOST, WON, at, input, lead, mv } from './builders';

const now = at(1000);
const window = { from: at(0), to: at(100), now };

describe('unattended (metrics.md extensions)', () => {
  it('reads a task due before now as overdue, one due at now as attended, absent as unknown', () => {
    const leads: Lead[] = [
      lead(1, { closestTaskAt: now - 1 }),
      lead(2, { closestTaskAt: now }),
      lead(3, { closestTaskAt: null }),
      lead(4, { statusId: B, closestTaskAt: now + 3600 }),
      lead(5, { statusId: C, closestTaskAt: null }),
      lead(6, { statusId: C }),
    ];
    const r = buildReport(input(leads), { ...window, includeOpenDeals: true });
    const byLead = new Map(r.openDeals!.map(d => [d.leadId, d.unattended]));
    expect([1, 2, 3, 4, 5, 6].map(id => byLead.get(id))).toEqual([
      true,
      false,
      true,
      false,
      true,
      null,
    ]);
    // Stage C holds a lead without task data: its count is unknown, not 1.
    expect(r.stages.map(s => s.unattended)).toEqual([2, 0, null]);
  });
});

describe('slices (metrics.md extensions)', () => {
  const leads: Lead[] = [
    lead(1, { tagIds: [11], fields: { '7': [501] }, price: 100 }),
    lead(2, { tagIds: [12], fields: { '7': ['501'], '8': [true] }, price: 200 }),
    lead(3, { price: 400 }),
    lead(4, { tagIds: [11, 12], fields: { '8': [false] }, price: 800 }),
  ];
  const deals = (slice: Parameters<typeof buildReport>[1]['slice']) =>
    buildReport(input(leads), { ...window, slice, money: true });

  it('keeps leads with any of the tags and, per field, one of its values, compared as text', () => {
    expect(deals({ tagIds: [11] }).money!.totals.deals).toBe(900);
    expect(deals({ fields: [{ fieldId: 7, values: [501] }] }).money!.totals.deals).toBe(300);
    expect(
      deals({ tagIds: [12], fields: [{ fieldId: 8, values: [true] }] }).money!.totals.deals,
    ).toBe(200);
  });

  it('sets no condition with empty lists, and echoes only what it asked', () => {
    const none = deals({ tagIds: [], fields: [{ fieldId: 7, values: [] }] });
    expect(none.totals.deals).toBe(4);
    expect(none.options.slice).toBeNull();
    expect(deals({ tagIds: [12, 11] }).options.slice).toEqual({ tagIds: [11, 12], fields: null });
    expect(deals(undefined).options).toMatchObject({ slice: null, mode: 'created', money: true });
  });
});

describe('counting modes (metrics.md extensions)', () => {
  it('closes a deal at its move into won or lost, not at closed_at', () => {
    const leads = [
      // Won at hour 50, though amoCRM's closed_at says hour 500.
      lead(1, { statusId: WON, updatedAt: at(50), closedAt: at(500) }),
      lead(2, { statusId: LOST, createdAt: at(-200), updatedAt: at(60) }),
      lead(3, { statusId: LOST, createdAt: at(-200), updatedAt: at(150) }),
    ];
    const events = [mv(1, 50, A, WON), mv(2, 10, A, B), mv(2, 60, B, LOST), mv(3, 150, A, LOST)];
    const r = buildReport(input(leads, events), { ...window, mode: 'closed' });
    expect(r.closedMode).toMatchObject({
      deals: 2,
      won: 1,
      lost: 1,
      lostFrom: [
        { stageId: A, count: 0 },
        { stageId: B, count: 1 },
        { stageId: C, count: 0 },
      ],
      timeToWin: { samples: 1, medianHours: 50 },
      timeToClose: { samples: 2, medianHours: 155, p90Hours: 239 },
    });
    expect(r.totals.deals).toBe(1);
  });

  it('counts a stage entry in the period once, and a visit begun before a loaded history never', () => {
    const leads = [
      lead(1, { statusId: C, createdAt: at(-50), updatedAt: at(40) }),
      lead(2, { statusId: B, createdAt: at(10), updatedAt: at(120) }),
    ];
    const events = [
      mv(1, 20, A, B),
      mv(1, 30, B, A),
      mv(1, 35, A, B),
      mv(1, 40, B, C),
      mv(2, 120, A, B),
    ];
    const r = buildReport(input(leads, events, { historyFrom: at(0) }), {
      ...window,
      mode: 'entered',
    });
    // Lead 1 sat at A since before the history (hour 0): its return to A at 30 is its entry.
    // Lead 2 entered A at creation and left it for B only after the period.
    expect(r.flow!.stages.map(s => [s.entered, s.movedOn])).toEqual([
      [2, 1],
      [1, 1],
      [1, 0],
    ]);
  });
});
