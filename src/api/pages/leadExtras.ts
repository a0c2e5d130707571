import type { FieldValue } from '../../core';
import type { CustomFieldShape } from '../leadSlice';
import { fieldsOf, tagIdsOf } from '../leadSlice';
import * as shape from './shape';
import { ShapeIssue } from './shape';

/*
 * The parts of a lead the slices read (tags, custom field values), checked as
 * RawCustomFieldSchema and RawTagSchema declare them, in their key order, and read by the same
 * functions the zod adapter uses (../leadSlice). An issue names its path from the lead.
 */

const { fail, isArray, isObject, nullableNumber, nullableString, requiredId } = shape;

/** Puts `keys` in front of an issue thrown below them; passes anything else on. */
function under(error: unknown, ...keys: PropertyKey[]): unknown {
  if (error instanceof ShapeIssue) error.keys.unshift(...keys);
  return error;
}

function checkFieldValue(value: unknown): void {
  if (!isObject(value)) return fail([], 'object', value);
  nullableNumber(value['enum_id'], 'enum_id');
  nullableString(value['enum_code'], 'enum_code');
}

function checkField(field: unknown): void {
  if (!isObject(field)) return fail([], 'object', field);
  requiredId(field['field_id'], 'field_id');
  nullableString(field['field_name'], 'field_name');
  nullableString(field['field_code'], 'field_code');
  nullableString(field['field_type'], 'field_type');
  const values = field['values'];
  if (values == null) return;
  if (!isArray(values)) return fail(['values'], 'array', values);
  let k = 0;
  try {
    for (; k < values.length; k++) checkFieldValue(values[k]);
  } catch (error) {
    throw under(error, 'values', k);
  }
}

/** `custom_fields_values`: `z.optional(z.nullable(z.array(RawCustomFieldSchema)))`, then fieldsOf. */
export function readCustomFields(value: unknown): Record<string, FieldValue[]> | undefined {
  if (value == null) return undefined;
  if (!isArray(value)) return fail(['custom_fields_values'], 'array', value);
  let k = 0;
  try {
    for (; k < value.length; k++) checkField(value[k]);
  } catch (error) {
    throw under(error, 'custom_fields_values', k);
  }
  return fieldsOf(value as readonly CustomFieldShape[]);
}

function checkTag(tag: unknown): void {
  if (!isObject(tag)) return fail([], 'object', tag);
  requiredId(tag['id'], 'id');
}

/** `_embedded.tags`: `z.optional(z.nullable(z.array(RawTagSchema)))`, then tagIdsOf. */
export function readTags(value: unknown): number[] | undefined {
  if (value == null) return undefined;
  if (!isArray(value)) return fail(['_embedded', 'tags'], 'array', value);
  let k = 0;
  try {
    for (; k < value.length; k++) checkTag(value[k]);
  } catch (error) {
    throw under(error, '_embedded', 'tags', k);
  }
  return tagIdsOf(value as readonly { readonly id: number }[]);
}
