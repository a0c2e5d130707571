import fc from 'fast-check';
import { packEvents, packLeads, packedBuffers, unpackEvents, unpackLeads } from '../../../src/core';
import { lead, mv, A, B } from './builders';

describe('packed columns', () => {
  it('round-trips leads exactly, nulls, deletion and awkward names included', () => {
    const leads = [
      lead(1, { name: '<img src=x onerror=alert(1)>', lossReasonId: null, closedAt: null }),
      lead(2, {
        name: 'Сделка "кавычки"\nи перевод строки',
        lossReasonId: 7,
        closedAt: 123,
        isDeleted: true,
        price: 0,
      }),
    ];
    expect(unpackLeads(packLeads(leads))).toEqual(leads);
  });

  it('round-trips status changes exactly, whatever their ids', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.string(),
            fc.integer({ min: 1, max: 2 ** 40 }),
            fc.integer({ min: 0, max: 2 ** 33 }),
          ),
        ),
        rows => {
          const events = rows.map(([id, leadId, at]) => ({
            ...mv(leadId, 0, A, B),
            id,
            createdAt: at,
          }));
          expect(unpackEvents(packEvents(events))).toEqual(events);
        },
      ),
    );
  });

  it('lists the buffers to transfer (numeric columns only)', () => {
    expect(packedBuffers(packEvents([mv(1, 1, A, B)]))).toHaveLength(6);
    expect(packedBuffers(packLeads([lead(1)]))).toHaveLength(10);
  });
});
