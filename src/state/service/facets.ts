/**
 * What the slice filter offers (metrics.md extensions, "Slices"): the tags and field values the
 * pipeline's leads carry, with how many leads carry each. Read from the same leads the report reads
 * (current pipeline, not deleted) but not narrowed by the slice or the managers, so a choice stays
 * on offer once it is picked.
 */
import type { FieldValue, FunnelModel, LeadFacts } from '../../core';
import type { Facets, FacetValue } from './types';

/** A free-text field (a UTM source typed by hand) must not blow up the message. */
export const FACET_VALUES_CAP = 50;

interface Tally {
  readonly value: FieldValue;
  count: number;
}

// Values compare by their text, as the slice does (core/slice.ts).
const keyOf = (v: FieldValue): string => String(v);

const byCount = <T extends { readonly count: number }>(a: T, b: T, tie: number): number =>
  b.count - a.count || tie;

/** One pass over the facts: each lead counts once per tag and once per value of a field. */
export function facetsOf(facts: readonly LeadFacts[], cap = FACET_VALUES_CAP): Facets {
  const tags = new Map<number, number>();
  const fields = new Map<string, Map<string, Tally>>();
  const seen = new Set<string>();
  for (const { lead } of facts) {
    const ids = lead.tagIds ?? [];
    // A lead's few tags: a scan beats a Set per lead over a million leads.
    ids.forEach((id, i) => {
      if (ids.indexOf(id) === i) tags.set(id, (tags.get(id) ?? 0) + 1);
    });
    if (!lead.fields) continue;
    for (const [fieldId, values] of Object.entries(lead.fields)) {
      let tallies = fields.get(fieldId);
      if (!tallies) fields.set(fieldId, (tallies = new Map<string, Tally>()));
      seen.clear();
      for (const value of values) {
        const key = keyOf(value);
        if (seen.has(key)) continue;
        seen.add(key);
        const tally = tallies.get(key);
        if (tally) tally.count++;
        else tallies.set(key, { value, count: 1 });
      }
    }
  }
  return {
    tags: [...tags]
      .map(([id, count]) => ({ id, count }))
      .sort((a, b) => byCount(a, b, a.id - b.id)),
    fields: [...fields]
      .map(([fieldId, tallies]) => {
        const all: FacetValue[] = [...tallies.values()]
          .map(t => ({ value: t.value, count: t.count }))
          .sort((a, b) => byCount(a, b, keyOf(a.value).localeCompare(keyOf(b.value))));
        return {
          fieldId: Number(fieldId),
          values: all.slice(0, cap),
          more: Math.max(0, all.length - cap),
        };
      })
      .sort((a, b) => a.fieldId - b.fieldId),
  };
}

// Once per model, not per question: periods and slices change far more often than the data.
const memo = new WeakMap<FunnelModel, Facets>();
export function modelFacets(model: FunnelModel): Facets {
  let held = memo.get(model);
  if (!held) {
    held = facetsOf(model.facts);
    memo.set(model, held);
  }
  return held;
}
