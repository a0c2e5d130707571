import type { LeadFacts } from './facts';
import type { FieldValue, Lead } from './types';

/**
 * A slice of the pipeline's leads (metrics.md extensions, "Slices"): any of the tags, and for
 * each field one of its values. Tags or a field with no values listed set no condition.
 */
export interface Slice {
  readonly tagIds?: readonly number[] | undefined;
  readonly fields?: readonly FieldFilter[] | undefined;
}

export interface FieldFilter {
  readonly fieldId: number;
  readonly values: readonly FieldValue[];
}

/**
 * Values are compared by their text: the CLI cannot tell an enum id from a number typed into a
 * text field, and one field never holds both, so "501" and 501 are the same value.
 */
const key = (v: FieldValue): string => String(v);

/** The slice with its empty conditions dropped; null when nothing is left to ask. */
export function activeSlice(slice: Slice | undefined): Slice | null {
  if (!slice) return null;
  const tagIds = slice.tagIds && slice.tagIds.length > 0 ? slice.tagIds : undefined;
  const fields = (slice.fields ?? []).filter(f => f.values.length > 0);
  if (!tagIds && fields.length === 0) return null;
  return { tagIds, fields };
}

/**
 * Whether a lead passes a slice. A lead whose source did not carry tags or fields (absent) has
 * none of them, so it never passes a condition on them.
 */
export function slicePredicate(slice: Slice): (lead: Lead) => boolean {
  const tags = slice.tagIds ? new Set(slice.tagIds) : null;
  const fields = (slice.fields ?? []).map(f => ({
    id: String(f.fieldId),
    values: new Set(f.values.map(key)),
  }));
  return lead => {
    if (tags && !(lead.tagIds ?? []).some(t => tags.has(t))) return false;
    for (const f of fields) {
      const have = lead.fields?.[f.id] ?? [];
      if (!have.some(v => f.values.has(key(v)))) return false;
    }
    return true;
  };
}

/**
 * The facts of the leads in scope: current responsible user among `users` (when given) and in
 * the slice (when it asks anything). The order of `facts` is kept.
 */
export function scopeFacts(
  facts: readonly LeadFacts[],
  users: readonly number[] | undefined,
  slice: Slice | null,
): readonly LeadFacts[] {
  if (!users && !slice) return facts;
  const wanted = users ? new Set(users) : null;
  const passes = slice ? slicePredicate(slice) : null;
  return facts.filter(f => {
    const user = f.lead.responsibleUserId;
    if (wanted && (user === null || !wanted.has(user))) return false;
    return passes ? passes(f.lead) : true;
  });
}

/** The slice as the report echoes it: tag ids ascending, fields by id, values as given. */
export function echoSlice(slice: Slice | null): {
  readonly tagIds: readonly number[] | null;
  readonly fields: readonly FieldFilter[] | null;
} | null {
  if (!slice) return null;
  const fields = slice.fields ?? [];
  return {
    tagIds: slice.tagIds ? [...slice.tagIds].sort((a, b) => a - b) : null,
    fields:
      fields.length > 0
        ? fields
            .map(f => ({ fieldId: f.fieldId, values: [...f.values] }))
            .sort((a, b) => a.fieldId - b.fieldId)
        : null,
  };
}
