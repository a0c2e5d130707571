import fc from 'fast-check';
import {
  buildVisits,
  orderEvents,
  packEvents,
  packLeads,
  packVisits,
  packedBuffers,
  unpackEvents,
  unpackLeads,
  unpackVisits,
} from '../../../src/core';
import type { Visit } from '../../../src/core';
import { lead, mv, A, B, at, P, Q, X } from './builders';
import { leadArb, materialise } from './randomData';

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

  it('round-trips visits: open ones, ones no event began, censored ones, other pipelines', () => {
    const visits: Visit[] = [
      { pipelineId: P, statusId: A, start: at(-5), end: at(1), from: null, censored: true },
      {
        pipelineId: Q,
        statusId: X,
        start: at(1),
        end: at(2.5),
        from: { pipelineId: P, statusId: A },
        censored: false,
      },
      {
        pipelineId: P,
        statusId: B,
        start: at(2.5),
        end: null,
        from: { pipelineId: Q, statusId: X },
        censored: false,
      },
    ];
    const one: Visit = { ...visits[0]!, end: null, censored: false };
    const packed = packVisits([
      { leadId: 2 ** 40, visits },
      { leadId: 7, visits: [] },
      { leadId: 3, visits: [one] },
    ]);
    expect(packed.count).toBe(4);
    expect(unpackVisits(packed)).toEqual(
      new Map([
        [2 ** 40, visits],
        [3, [one]],
      ]),
    );
    expect(packedBuffers(packed)).toHaveLength(8);
  });

  it('round-trips the visits of random histories, loaded from any time or whole', () => {
    fc.assert(
      fc.property(
        fc.array(leadArb, { maxLength: 30 }),
        fc.option(fc.integer({ min: -2400, max: 2400 }), { nil: null }),
        (specs, from) => {
          const d = materialise(specs);
          const historyFrom = from === null ? null : at(from);
          const histories = d.leads.map(l => ({
            leadId: l.id,
            visits: buildVisits(
              l,
              orderEvents(d.events.filter(e => e.leadId === l.id)),
              historyFrom,
            ),
          }));
          const back = unpackVisits(packVisits(histories));
          for (const h of histories) expect(back.get(h.leadId)).toEqual(h.visits);
          expect(back.size).toBe(histories.length);
        },
      ),
    );
  });
});
