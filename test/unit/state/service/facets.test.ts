/**
 * The slice filter's choices (facets.ts): counted over every lead the report reads, once per lead,
 * most frequent first, capped per field, and the same whatever slice or managers are picked.
 */
import { buildModel } from '../../../../src/core';
import type { Lead } from '../../../../src/core';
import { facetsOf, modelFacets } from '../../../../src/state/service/facets';
import { reportView } from '../../../../src/state/service/model';
import { Q, at, input, lead, wide } from '../../core/builders';

const leads: Lead[] = [
  lead(1, { tagIds: [11], fields: { '7': [501], '9': ['yandex'] } }),
  lead(2, { tagIds: [12, 11], fields: { '7': [502], '8': [true] }, responsibleUserId: 2 }),
  lead(3, { tagIds: [11, 11], fields: { '7': [501, 501], '9': ['google'] } }),
  lead(4),
  // Not the report's leads: another pipeline, deleted.
  lead(5, { pipelineId: Q, tagIds: [13], fields: { '7': [503] } }),
  lead(6, { isDeleted: true, tagIds: [14], fields: { '7': [504] } }),
];

describe('facets of the pipeline leads', () => {
  const model = buildModel(input(leads));

  it('counts each lead once per tag and per value, most frequent first', () => {
    expect(modelFacets(model)).toEqual({
      tags: [
        { id: 11, count: 3 },
        { id: 12, count: 1 },
      ],
      fields: [
        {
          fieldId: 7,
          values: [
            { value: 501, count: 2 },
            { value: 502, count: 1 },
          ],
          more: 0,
        },
        { fieldId: 8, values: [{ value: true, count: 1 }], more: 0 },
        {
          fieldId: 9,
          values: [
            { value: 'google', count: 1 },
            { value: 'yandex', count: 1 },
          ],
          more: 0,
        },
      ],
    });
  });

  it('keeps the most frequent values of a field and says how many more it has', () => {
    const many = Array.from({ length: 7 }, (_, i) =>
      lead(10 + i, { createdAt: at(i), fields: { '9': [`s${i % 4}`] } }),
    );
    const facets = facetsOf(buildModel(input(many)).facts, 2);
    expect(facets.fields).toEqual([
      {
        fieldId: 9,
        values: [
          { value: 's0', count: 2 },
          { value: 's1', count: 2 },
        ],
        more: 2,
      },
    ]);
  });

  it('rides on every report view, not narrowed by the slice or the managers', () => {
    const plain = reportView(model, wide, 'none');
    const narrowed = reportView(
      model,
      {
        ...wide,
        responsibleUserIds: [2],
        slice: { tagIds: [12], fields: [{ fieldId: 7, values: [502] }] },
      },
      'full',
    );
    expect(narrowed.report.totals.deals).toBeLessThan(plain.report.totals.deals);
    expect(narrowed.facets).toEqual(plain.facets);
    expect(plain.facets).toBe(modelFacets(model));
  });
});
