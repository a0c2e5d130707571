/**
 * What the slice filter lists and how it names it: the facets of the report view (which tags and
 * values the pipeline's leads carry) labelled with the account's tag and field names when they
 * are loaded, with ids when they are not, so the filter works either way.
 */
import type { FieldFilter, FieldValue, Slice } from '../../core';
import type { Facets } from '../../state';
import type { Translate } from '../../i18n';

/** A lead custom field as the filter needs it (`GET /api/v4/leads/custom_fields`). */
export interface SliceField {
  readonly id: number;
  readonly name: string;
  /** amoCRM's type name: select, multiselect, radiobutton, checkbox, tracking_data, text, … */
  readonly type: string;
  readonly enums: readonly { readonly id: number; readonly value: string }[] | null;
}

/** The account's tag and field names (read when the filter first opens). */
export interface SliceNames {
  readonly tags: readonly { readonly id: number; readonly name: string }[];
  readonly fields: readonly SliceField[];
}

/** Issue 12: list fields, and amoCRM's UTM fields (the lead's source). */
const OFFERED_TYPES: ReadonlySet<string> = new Set([
  'select',
  'multiselect',
  'radiobutton',
  'checkbox',
  'tracking_data',
]);

export interface Choice {
  readonly value: FieldValue;
  readonly label: string;
  readonly count: number;
}

export interface ChoiceGroup {
  /** null: the tags; else the field's id. */
  readonly fieldId: number | null;
  readonly label: string;
  readonly choices: readonly Choice[];
  /** Values left out of the list (the rarest, past the facets' cap). */
  readonly more: number;
}

export interface Labeler {
  tag(id: number): string;
  field(id: number): string;
  value(fieldId: number, value: FieldValue): string;
}

export function labeler(names: SliceNames | null, t: Translate): Labeler {
  const tags = new Map(names?.tags.map(t => [t.id, t.name]));
  const fields = new Map(names?.fields.map(f => [f.id, f]));
  return {
    tag: id => tags.get(id) ?? t('fl.filter.tagId', { id }),
    field: id => fields.get(id)?.name ?? t('fl.filter.fieldId', { id }),
    value: (fieldId, value) => {
      if (typeof value === 'boolean') return t(value ? 'fl.filter.yes' : 'fl.filter.no');
      if (typeof value === 'string') return value;
      const choice = fields.get(fieldId)?.enums?.find(e => e.id === value);
      return choice?.value ?? t('fl.filter.valueId', { id: value });
    },
  };
}

/**
 * Whether a field is offered: by its type when the names are in, else by its values — enum ids
 * and checkbox flags are list fields; text may be any note typed into a lead, so it waits for the
 * type to say it is a source.
 */
function offered(
  field: Facets['fields'][number],
  known: ReadonlyMap<number, SliceField> | null,
): boolean {
  const def = known?.get(field.fieldId);
  if (def) return OFFERED_TYPES.has(def.type);
  return field.values.every(v => typeof v.value !== 'string');
}

/** The tags, then the offered fields in the account's field order (unknown ones by id). */
export function choiceGroups(
  facets: Facets,
  names: SliceNames | null,
  label: Labeler,
  t: Translate,
  /** The admin's source field (settings): listed first, as the source, whatever its type. */
  sourceFieldId: number | null = null,
): ChoiceGroup[] {
  const groups: ChoiceGroup[] = [];
  if (facets.tags.length > 0)
    groups.push({
      fieldId: null,
      label: t('fl.filter.tags'),
      choices: facets.tags.map(t => ({ value: t.id, label: label.tag(t.id), count: t.count })),
      more: 0,
    });
  const known = names ? new Map(names.fields.map(f => [f.id, f])) : null;
  const order = new Map(names?.fields.map((f, i) => [f.id, i]));
  const rank = (id: number) => (id === sourceFieldId ? -1 : (order.get(id) ?? Infinity));
  const fields = facets.fields
    .filter(f => f.fieldId === sourceFieldId || offered(f, known))
    .sort((a, b) => rank(a.fieldId) - rank(b.fieldId) || a.fieldId - b.fieldId);
  for (const f of fields)
    groups.push({
      fieldId: f.fieldId,
      label:
        f.fieldId === sourceFieldId
          ? t('fl.filter.source', { field: label.field(f.fieldId) })
          : label.field(f.fieldId),
      choices: f.values.map(v => ({
        value: v.value,
        label: label.value(f.fieldId, v.value),
        count: v.count,
      })),
      more: f.more,
    });
  return groups;
}

const same = (a: FieldValue, b: FieldValue) => String(a) === String(b);

export function isChosen(slice: Slice | null, fieldId: number | null, value: FieldValue): boolean {
  if (fieldId === null) return slice?.tagIds?.includes(value as number) ?? false;
  const field = slice?.fields?.find(f => f.fieldId === fieldId);
  return field?.values.some(v => same(v, value)) ?? false;
}

/** The slice with one tag or value added or taken away; null when nothing is left. */
export function toggled(
  slice: Slice | null,
  fieldId: number | null,
  value: FieldValue,
): Slice | null {
  const on = !isChosen(slice, fieldId, value);
  let tagIds = slice?.tagIds ?? [];
  let fields: readonly FieldFilter[] = slice?.fields ?? [];
  if (fieldId === null) {
    tagIds = on ? [...tagIds, value as number] : tagIds.filter(id => id !== value);
  } else {
    const values = fields.find(f => f.fieldId === fieldId)?.values ?? [];
    const next = { fieldId, values: on ? [...values, value] : values.filter(v => !same(v, value)) };
    // In place, so the chips keep their order.
    fields = fields.some(f => f.fieldId === fieldId)
      ? fields.map(f => (f.fieldId === fieldId ? next : f))
      : [...fields, next];
    fields = fields.filter(f => f.values.length > 0);
  }
  if (tagIds.length === 0 && fields.length === 0) return null;
  return {
    ...(tagIds.length > 0 ? { tagIds } : {}),
    ...(fields.length > 0 ? { fields } : {}),
  };
}

export interface Chip {
  readonly key: string;
  readonly fieldId: number | null;
  readonly value: FieldValue;
  readonly label: string;
}

/** One chip per chosen tag and per chosen value, in the order they were picked. */
export function chipsOf(slice: Slice | null, label: Labeler, t: Translate): Chip[] {
  const chips: Chip[] = (slice?.tagIds ?? []).map(id => ({
    key: `t${id}`,
    fieldId: null,
    value: id,
    label: label.tag(id),
  }));
  for (const f of slice?.fields ?? [])
    for (const value of f.values)
      chips.push({
        key: `f${f.fieldId}:${String(value)}`,
        fieldId: f.fieldId,
        value,
        label: t('fl.filter.chip', {
          field: label.field(f.fieldId),
          value: label.value(f.fieldId, value),
        }),
      });
  return chips;
}

/**
 * What of a slice amoCRM's leads list can filter by (`filter[cf][<field>][]=<enum id>`: list
 * fields' enum ids), and whether anything is left over (tags, checkboxes, text), so the list
 * holds more deals than the panel counts.
 */
export function listPart(
  slice:
    | {
        readonly tagIds?: readonly number[] | null | undefined;
        readonly fields?: readonly FieldFilter[] | null | undefined;
      }
    | null
    | undefined,
): {
  readonly fields: readonly FieldFilter[];
  readonly wider: boolean;
} {
  if (!slice) return { fields: [], wider: false };
  const fields = (slice.fields ?? []).filter(f => f.values.every(v => typeof v === 'number'));
  const wider = (slice.tagIds?.length ?? 0) > 0 || fields.length < (slice.fields ?? []).length;
  return { fields, wider };
}
