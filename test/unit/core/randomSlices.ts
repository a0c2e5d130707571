/**
 * Random slice data (tags, custom field values, nearest task, closing) on top of randomData's
 * histories, for the differential tests of the slice extensions. Any part may be absent, as it is
 * when a store did not carry it.
 */
import fc from 'fast-check';
import type { FieldValue, Lead, StatusChange } from '../../../src/core';
import { at } from './builders';
import { leadArb, materialise } from './randomData';
import type { LeadSpec } from './randomData';

/** A select field (enum ids), a checkbox and a UTM text. */
export const SELECT = 10;
export const CHECKBOX = 20;
export const UTM = 30;
export const TAGS = [1, 2, 3, 4];
export const ENUMS = [501, 502, 503];
export const SOURCES = ['yandex', 'google'];

const extrasArb = fc.record({
  tagIds: fc.option(fc.subarray(TAGS), { nil: undefined }),
  fields: fc.option(
    fc.record(
      {
        [String(SELECT)]: fc.subarray(ENUMS, { minLength: 1 }),
        [String(CHECKBOX)]: fc.boolean().map(b => [b]),
        [String(UTM)]: fc.constantFrom(...SOURCES).map(s => [s]),
      },
      { requiredKeys: [] },
    ),
    { nil: undefined },
  ),
  // Around `now` (at(5000)): overdue, due later, exactly now, none, or not carried.
  closestTaskAt: fc.oneof(
    fc.integer({ min: 4900, max: 5100 }).map(h => at(h)),
    fc.constant(at(5000)),
    fc.constant(null),
    fc.constant(undefined),
  ),
});

export const slicedLeadArb = fc.tuple(leadArb, extrasArb);
export type SlicedSpec = typeof slicedLeadArb extends fc.Arbitrary<infer T> ? T : never;

export function materialiseSliced(specs: SlicedSpec[]): { leads: Lead[]; events: StatusChange[] } {
  const d = materialise(specs.map(([spec]): LeadSpec => spec));
  const leads = d.leads.map((l, k): Lead => {
    const extras = specs[k]![1];
    return {
      ...l,
      tagIds: extras.tagIds,
      fields: extras.fields as Record<string, FieldValue[]> | undefined,
      closestTaskAt: extras.closestTaskAt,
    };
  });
  return { leads, events: d.events };
}

export const sliceArb = fc.record(
  {
    tagIds: fc.subarray(TAGS),
    fields: fc.subarray([
      { fieldId: SELECT, values: [502] },
      { fieldId: SELECT, values: ['501', 503] },
      { fieldId: CHECKBOX, values: [true] },
      { fieldId: UTM, values: ['yandex'] },
      { fieldId: UTM, values: [] },
    ]),
  },
  { requiredKeys: [] },
);
