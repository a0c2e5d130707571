import type { FieldValue } from '../core';

/**
 * What the slices read from a lead body (metrics.md extensions, "Slices"), shared by the zod
 * adapter and the hand-written page reader so both give the same Lead. Both take the body's
 * values once their shape is checked.
 *
 * An empty list or record is left out (undefined): for a filter "none" and "not carried" read the
 * same (the lead does not pass), and a million leads need not carry a million empty arrays.
 */

/** `_embedded.tags[].id`, in the body's order; undefined when there are none. */
export function tagIdsOf(
  tags: readonly { readonly id: number }[] | null | undefined,
): number[] | undefined {
  if (!tags || tags.length === 0) return undefined;
  return tags.map(t => t.id);
}

export interface FieldValueShape {
  readonly value?: unknown;
  readonly enum_id?: number | null | undefined;
}

export interface CustomFieldShape {
  readonly field_id: number;
  readonly values?: readonly FieldValueShape[] | null | undefined;
}

/**
 * One value as the engine compares it: the enum id of a list type (select, multiselect,
 * radiobutton), a checkbox's true/false, or a text (text, textarea, UTM `tracking_data`, a
 * number field, which amoCRM sends as text). A date's epoch seconds (date, date_time, birthday:
 * the only values amoCRM sends as a bare number) are kept as their decimal text, so snoozed deals
 * (metrics.md F.6) read their date with no extra request, while the slice filter, which offers a
 * text only once the field's type says it is a list or a source, never offers them. Anything else
 * (a composite's object) is not a value the engine reads: null.
 */
export function fieldValue(v: FieldValueShape): FieldValue | null {
  if (typeof v.enum_id === 'number') return v.enum_id;
  const value = v.value;
  if (typeof value === 'number') return Number.isSafeInteger(value) ? String(value) : null;
  return typeof value === 'boolean' || typeof value === 'string' ? value : null;
}

/**
 * `custom_fields_values` by field id (a field listed twice has the values of both); undefined when
 * no value can be read.
 */
export function fieldsOf(
  fields: readonly CustomFieldShape[] | null | undefined,
): Record<string, FieldValue[]> | undefined {
  if (!fields || fields.length === 0) return undefined;
  let out: Record<string, FieldValue[]> | undefined;
  for (const field of fields) {
    for (const v of field.values ?? []) {
      const value = fieldValue(v);
      if (value === null) continue;
      out ??= {};
      const key = String(field.field_id);
      (out[key] ??= []).push(value);
    }
  }
  return out;
}
