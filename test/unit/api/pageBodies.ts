import fc from 'fast-check';
import { adaptLead, adaptLifecycles, adaptStatusChanges } from '../../../src/api/adapt';
import { ApiError } from '../../../src/api/errors';
import type { SchemaIssue } from '../../../src/api/errors';
import { parseWith } from '../../../src/api/parse';
import { RawEventListSchema, RawLeadListSchema } from '../../../src/api/schemas';

/**
 * The zod path the hand-written readers (src/api/pages) must equal, random amoCRM-shaped list
 * bodies, and single-field mutations of them.
 */

export const zodLeads = (body: unknown, path?: string) =>
  parseWith(RawLeadListSchema, body, { path })._embedded.leads.map(adaptLead);

/**
 * adaptStatusChanges does not know the request, so on the zod path a values issue came without
 * `error.path`; the reader names the request for every issue, and the reference does too.
 */
export function zodEvents(body: unknown, path?: string) {
  const list = parseWith(RawEventListSchema, body, { path })._embedded.events;
  try {
    return {
      changes: adaptStatusChanges(list, '_embedded.events'),
      lifecycle: adaptLifecycles(list),
    };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    throw new ApiError(error.code, { path, issues: error.issues, cause: error.cause });
  }
}

export type Outcome =
  | { readonly ok: unknown }
  | { readonly requestPath: string | undefined; readonly first: SchemaIssue | undefined };

/** What a reader made of a body: its value, or the request path and first issue of its SCHEMA error. */
export function outcome(run: () => unknown): Outcome {
  try {
    return { ok: run() };
  } catch (error) {
    if (!(error instanceof ApiError) || error.code !== 'SCHEMA') throw error;
    return { requestPath: error.path, first: error.issues[0] };
  }
}

/** Present with a value, present as null, or absent (`undefined` keys are dropped by `compact`). */
const nullable = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof(arb, fc.constant(null), fc.constant(undefined));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof(arb, fc.constant(undefined));

const id = fc.integer({ min: 1, max: 2 ** 31 });
const time = fc.integer({ min: 1_400_000_000, max: 1_900_000_000 });
const money = fc.oneof(
  fc.integer({ min: 0, max: 10 ** 9 }),
  fc.double({ min: 0, max: 1e9, noNaN: true }),
);
const href = fc.webUrl().map(url => ({ href: url }));
const extra = fc.dictionary(
  fc.constantFrom('companies', 'is_price_modified_by_robot', 'surprise'),
  fc.jsonValue({ maxDepth: 2 }),
  { maxKeys: 2 },
);

export const linksArb = maybe(
  fc.record({ self: href, next: href, prev: href, first: href }, { requiredKeys: [] }),
);

/** Drops keys whose value is undefined: JSON has no undefined, only absence. */
export function compact<T extends object>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

const lossReasonArb = fc.record(
  {
    id,
    name: fc.string({ maxLength: 8 }),
    sort: nullable(fc.integer()),
    created_at: nullable(time),
    updated_at: nullable(time),
    _links: linksArb,
  },
  { requiredKeys: ['id', 'name'] },
);

/** amoCRM's shape of `custom_fields_values[]`: list types carry enum ids, others a text or flag. */
const fieldValueArb = fc.record(
  {
    value: fc.oneof(fc.string({ maxLength: 6 }), fc.boolean(), fc.integer(), fc.constant(null)),
    enum_id: nullable(id),
    enum_code: nullable(fc.string({ maxLength: 4 })),
  },
  { requiredKeys: [] },
);
const customFieldArb = fc.record(
  {
    field_id: id,
    field_name: nullable(fc.string({ maxLength: 8 })),
    field_code: nullable(fc.constantFrom('UTM_SOURCE', 'PHONE')),
    field_type: nullable(fc.constantFrom('select', 'multiselect', 'checkbox', 'tracking_data')),
    values: nullable(fc.array(fieldValueArb, { maxLength: 3 })),
  },
  { requiredKeys: ['field_id'] },
);
const tagArb = fc.record({ id, name: fc.string({ maxLength: 6 }), color: nullable(fc.string()) });

const leadEmbeddedArb = maybe(
  fc
    .record({
      loss_reason: nullable(fc.oneof(fc.array(lossReasonArb, { maxLength: 2 }), lossReasonArb)),
      tags: nullable(fc.array(tagArb, { maxLength: 3 })),
    })
    .chain(e => extra.map(x => ({ ...x, ...e }))),
);

export const leadArb = fc
  .record(
    {
      id,
      pipeline_id: id,
      status_id: id,
      created_at: time,
      updated_at: time,
      name: nullable(fc.string({ maxLength: 12 })),
      price: nullable(money),
      responsible_user_id: nullable(id),
      group_id: nullable(fc.integer({ min: 0, max: 9 })),
      loss_reason_id: nullable(id),
      source_id: nullable(id),
      created_by: nullable(id),
      updated_by: nullable(id),
      closed_at: nullable(time),
      closest_task_at: nullable(time),
      is_deleted: nullable(fc.boolean()),
      custom_fields_values: nullable(fc.array(customFieldArb, { maxLength: 2 })),
      score: nullable(fc.integer({ min: 0, max: 100 })),
      account_id: nullable(id),
      labor_cost: nullable(fc.integer({ min: 0, max: 100 })),
      _links: linksArb,
      _embedded: leadEmbeddedArb,
    },
    { requiredKeys: ['id', 'pipeline_id', 'status_id', 'created_at', 'updated_at'] },
  )
  .chain(lead => extra.map(x => ({ ...x, ...lead })));

const statusSide = fc.record({ id, pipeline_id: id }).map(lead_status => [{ lead_status }]);
const otherValues = nullable(
  fc.array(fc.oneof(fc.record({ note: fc.record({ id }) }), fc.jsonValue({ maxDepth: 1 })), {
    maxLength: 2,
  }),
);

const eventBase = {
  id: fc.stringMatching(/^[0-9a-z]{26}$/),
  entity_id: id,
  created_at: time,
  entity_type: nullable(fc.constantFrom('lead', 'contact', 'company')),
  created_by: nullable(id),
  account_id: nullable(id),
  _links: linksArb,
  _embedded: maybe(fc.record({ entity: fc.record({ id }) })),
};

export const eventArb = fc.oneof(
  fc.record(
    {
      ...eventBase,
      type: fc.constant('lead_status_changed'),
      value_before: statusSide,
      value_after: statusSide,
    },
    { requiredKeys: ['id', 'type', 'entity_id', 'created_at', 'value_before', 'value_after'] },
  ),
  fc.record(
    {
      ...eventBase,
      type: fc.constantFrom('lead_deleted', 'lead_restored', 'lead_added', 'entity_linked'),
      value_before: otherValues,
      value_after: otherValues,
    },
    { requiredKeys: ['id', 'type', 'entity_id', 'created_at'] },
  ),
);

function listArb(key: 'leads' | 'events', item: fc.Arbitrary<unknown>) {
  return fc
    .record(
      {
        _page: maybe(fc.integer({ min: 1, max: 500 })),
        _total_items: maybe(fc.integer({ min: 0, max: 10 ** 6 })),
        _page_count: maybe(fc.integer({ min: 0, max: 500 })),
        _links: linksArb,
        _embedded: fc.array(item, { maxLength: 5 }).map(items => ({ [key]: items })),
      },
      { requiredKeys: ['_embedded'] },
    )
    .map(compact);
}

export const leadListArb = listArb('leads', leadArb);
export const eventListArb = listArb('events', eventArb);

type Key = string | number;
export const DELETE = Symbol('delete');
export const DOUBLE = Symbol('double');

/**
 * Wrong (and some right) values a field may be replaced with; DOUBLE makes a 2-item array. The
 * numbers reach every rule of src/api/schemas/numbers.ts: a small count, a fraction, zero, a
 * negative, milliseconds, beyond safe integers, and a price that would overflow a sum.
 */
export const replacementArb = fc.constantFrom<unknown>(
  DELETE,
  DOUBLE,
  null,
  'x',
  'lead_status_changed',
  7,
  1.5,
  0,
  -1,
  1_732_000_000_000,
  1e20,
  1e308,
  true,
  {},
  [],
  [{}],
  [1],
);

/** Schema keys a body may lack; a mutation may add them with a wrong value. */
const SCHEMA_KEYS = ['price', 'name', 'is_deleted', 'custom_fields_values', '_links', '_embedded'];
const NESTED_KEYS = [
  'loss_reason',
  'tags',
  'next',
  'lead_status',
  'entity_type',
  '_page',
  'href',
  'field_id',
  'enum_id',
];

/** Every place in a body a mutation may touch: existing keys and indexes, and absent schema keys. */
export function placesOf(value: unknown, at: Key[] = []): Key[][] {
  if (typeof value !== 'object' || value === null) return [];
  const out: Key[][] = [];
  const keys: Key[] = Array.isArray(value)
    ? value.map((_, i) => i)
    : [...new Set([...Object.keys(value), ...SCHEMA_KEYS, ...NESTED_KEYS])];
  for (const key of keys) {
    out.push([...at, key]);
    out.push(...placesOf((value as Record<Key, unknown>)[key], [...at, key]));
  }
  return out;
}

/** A copy of `body` with the value at `place` replaced (or deleted, or doubled into an array). */
export function mutate(body: unknown, place: readonly Key[], replacement: unknown): unknown {
  const copy: unknown = structuredClone(body);
  let parent = copy as Record<Key, unknown>;
  for (const key of place.slice(0, -1)) parent = parent[key] as Record<Key, unknown>;
  const last = place[place.length - 1]!;
  const old = parent[last];
  if (replacement === DELETE) {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else Reflect.deleteProperty(parent, last);
  } else if (replacement === DOUBLE) {
    parent[last] = Array.isArray(old) ? [...old, ...old.slice(0, 1)] : [old, old];
  } else {
    parent[last] = structuredClone(replacement);
  }
  return copy;
}
