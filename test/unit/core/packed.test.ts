import { packLeads, unpackLeads } from '../../../src/core';
import { lead } from './builders';

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
});
