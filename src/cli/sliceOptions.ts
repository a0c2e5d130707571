/**
 * The slice options of `report` (metrics.md extensions, "Slices", "Counting modes"): `--tag`,
 * `--field`, `--mode`, read strictly so that a typo is refused rather than slicing nothing.
 */
import type { CountingMode, FieldFilter, FieldValue, Slice } from '../core';
import { CliError } from './errors';
import { positiveId } from './options';

const WHOLE = /^\d+$/;
const MODES: readonly CountingMode[] = ['created', 'closed', 'entered'];

/** `--tag 11 --tag 12,13`: distinct tag ids, in the order given. */
export function tagIds(texts: readonly string[]): number[] {
  const ids: number[] = [];
  for (const text of texts) {
    for (const part of text.split(',')) {
      const id = positiveId(part.trim(), '--tag');
      if (!ids.includes(id)) ids.push(id);
    }
  }
  return ids;
}

/**
 * A field value as typed: digits are an enum id (a list field), `true` / `false` a checkbox, and
 * anything else a text (a UTM or text field). The engine compares values by their text, so a
 * number typed into a text field still matches.
 */
function fieldValue(text: string): FieldValue {
  if (WHOLE.test(text) && Number.isSafeInteger(Number(text))) return Number(text);
  if (text === 'true' || text === 'false') return text === 'true';
  return text;
}

/** `--field 3002=501 --field 3002=502 --field 3001=yandex`: one filter per field, any of its values. */
export function fieldFilters(texts: readonly string[]): FieldFilter[] {
  const byField = new Map<number, FieldValue[]>();
  for (const text of texts) {
    const eq = text.indexOf('=');
    const value = eq < 0 ? '' : text.slice(eq + 1);
    if (eq < 0 || value === '')
      throw new CliError(`--field: expected FIELD_ID=VALUE, got "${text.slice(0, 40)}".`);
    const id = positiveId(text.slice(0, eq).trim(), '--field (field id)');
    const values = byField.get(id) ?? [];
    const v = fieldValue(value);
    if (!values.some(w => String(w) === String(v))) values.push(v);
    byField.set(id, values);
  }
  return [...byField.entries()].map(([fieldId, values]) => ({ fieldId, values }));
}

/** The slice the options ask for; undefined when they ask nothing. */
export function sliceOf(tags: readonly string[], fields: readonly string[]): Slice | undefined {
  const t = tagIds(tags);
  const f = fieldFilters(fields);
  if (t.length === 0 && f.length === 0) return undefined;
  return { ...(t.length > 0 ? { tagIds: t } : {}), ...(f.length > 0 ? { fields: f } : {}) };
}

export function countingMode(text: string | undefined): CountingMode | undefined {
  if (text === undefined) return undefined;
  const mode = MODES.find(m => m === text);
  if (!mode)
    throw new CliError(`--mode: expected one of ${MODES.join(', ')}, got "${text.slice(0, 40)}".`);
  return mode;
}
