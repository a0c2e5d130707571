import fc from 'fast-check';
import {
  buildFunnel,
  FACT_RULES,
  funnelKey,
  leadFacts,
  leadVisits,
  packFacts,
  packLeads,
  unpackFacts,
  unpackLeads,
} from '../../../src/core';
import { at, lead, pipelineP, pipelineQ } from './builders';
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

  it('round-trips tags, field values and the nearest task, and keeps "not carried" apart from none', () => {
    const leads = [
      lead(1, {
        tagIds: [5, 9],
        fields: { '100': [7, 8], '101': ['yandex'], '102': [true] },
        closestTaskAt: 456,
      }),
      lead(2, { tagIds: [], fields: {}, closestTaskAt: null }),
      // A lead from a source that carries none of them: filters and the activity signal see
      // "unknown", not "no tags" or "no task".
      lead(3),
    ];
    const back = unpackLeads(packLeads(leads));
    expect(back).toEqual(leads);
    expect(back[2]).not.toHaveProperty('closestTaskAt');
    expect(back[2]).not.toHaveProperty('tagIds');
  });
});

describe('packed facts', () => {
  const funnel = buildFunnel(pipelineP);

  it('round-trip the facts of random histories, loaded from any time or whole', () => {
    fc.assert(
      fc.property(
        fc.array(leadArb, { maxLength: 30 }),
        fc.option(fc.integer({ min: -2400, max: 2400 }), { nil: null }),
        (specs, from) => {
          const d = materialise(specs);
          const historyFrom = from === null ? null : at(from);
          const facts = d.leads.map(l =>
            leadFacts(
              funnel,
              l,
              leadVisits(
                l,
                d.events.filter(e => e.leadId === l.id),
                historyFrom,
              ),
            ),
          );
          const byId = new Map(d.leads.map(l => [l.id, l]));
          expect(unpackFacts(funnel, packFacts(funnel, facts), byId)).toEqual(facts);
        },
      ),
    );
  });

  it('are refused for another funnel, and skip leads no longer held', () => {
    const leads = [lead(1), lead(2)];
    const facts = leads.map(l => leadFacts(funnel, l, leadVisits(l, [], null)));
    const packed = packFacts(funnel, facts);
    expect(packed.funnel).toBe(funnelKey(funnel));
    expect(unpackFacts(buildFunnel(pipelineQ), packed, new Map())).toBeNull();
    const renamed = { ...pipelineP, statuses: pipelineP.statuses.slice(1) };
    expect(unpackFacts(buildFunnel(renamed), packed, new Map())).toBeNull();
    const one = unpackFacts(funnel, packed, new Map([[2, leads[1]!]]));
    expect(one?.map(f => f.lead.id)).toEqual([2]);
  });

  it('are refused when derived under other rules (an older release): derived again instead', () => {
    const leads = [lead(1)];
    const packed = packFacts(
      funnel,
      leads.map(l => leadFacts(funnel, l, leadVisits(l, [], null))),
    );
    const older = {
      ...packed,
      funnel: packed.funnel.replace(`${FACT_RULES}/`, `${FACT_RULES - 1}/`),
    };
    expect(older.funnel).not.toBe(packed.funnel);
    expect(unpackFacts(funnel, older, new Map([[1, leads[0]!]]))).toBeNull();
  });
});
