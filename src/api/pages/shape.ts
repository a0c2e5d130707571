import { ApiError } from '../errors';
import { formatIssuePath, typeMessage } from '../issues';
import * as numbers from '../schemas/numbers';

/**
 * Building blocks of the hand-written page readers. They check exactly what the zod schemas in
 * ../schemas declare, in the same key order, so the first problem they find is the first issue zod
 * would report, worded by the same functions (../issues). The success path allocates nothing:
 * paths are built only when something is wrong.
 */

export type Json = Readonly<Record<string, unknown>>;

/** Where a body came from, for the error; the same `path` parseWith takes. */
export interface ReadWhere {
  readonly path?: string | undefined;
}

/**
 * One shape problem, thrown from deep inside a reader and caught once at its top, which turns it
 * into the ApiError. Keys are relative to whatever the catching level adds in front.
 */
export class ShapeIssue extends Error {
  override readonly name = 'ShapeIssue';
  readonly keys: PropertyKey[];

  constructor(keys: PropertyKey[], message: string) {
    super(message);
    this.keys = keys;
  }
}

/** Same test as zod's object: arrays and null are not objects. */
export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isArray(value: unknown): value is readonly unknown[] {
  return Array.isArray(value);
}

/** zod's `z.number()` refuses NaN and ±Infinity (JSON cannot carry them, a caller's object can). */
export function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

export function fail(keys: PropertyKey[], expected: string, got: unknown): never {
  throw new ShapeIssue(keys, typeMessage(expected, got));
}

/*
 * The field checks take the value, not the object and key: the caller reads `raw['price']` with a
 * constant key, which V8 compiles to a load specialised to the objects' shared shape (JSON.parse
 * gives every lead of a page the same one). A helper reading `raw[key]` itself would serve every
 * key and shape from one load site, which V8 gives up specialising. The key names a failure only.
 */

/** `z.optional(z.nullable(z.number()))` */
export function nullableNumber(value: unknown, key: string): number | null | undefined {
  if (value == null || isNumber(value)) return value;
  return fail([key], 'number', value);
}

/** `z.optional(z.nullable(z.string()))` */
export function nullableString(value: unknown, key: string): string | null | undefined {
  if (value == null || typeof value === 'string') return value;
  return fail([key], 'string', value);
}

/** `z.optional(z.nullable(z.boolean()))` */
export function nullableBoolean(value: unknown, key: string): boolean | null | undefined {
  if (value == null || typeof value === 'boolean') return value;
  return fail([key], 'boolean', value);
}

/** `z.optional(z.nullable(z.array(z.unknown())))`: the items are not read, so not checked. */
export function nullableArray(value: unknown, key: string): void {
  if (value != null && !isArray(value)) fail([key], 'array', value);
}

/*
 * Numbers under ../schemas/numbers' rules. The rule's test is written out here for the success
 * path (no call, no allocation); a failure asks the rule itself for its words, so both checkers
 * say the same. A non-number fails as a type first, as it does in zod.
 */

function ruleFailure(
  value: unknown,
  key: string,
  issueOf: (value: number) => string | null,
): never {
  if (!isNumber(value)) return fail([key], 'number', value);
  throw new ShapeIssue([key], issueOf(value) ?? typeMessage('number', value));
}

// Bound once, as the readers bind this module's functions: under tsx an imported name is a getter.
const {
  MAX_EPOCH_SECONDS,
  MAX_PRICE,
  MIN_EPOCH_SECONDS,
  idIssue,
  priceIssue,
  refIssue,
  timeIssue,
} = numbers;

const isId = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value > 0;

/** `id` in ../schemas/common: a positive safe integer. */
export function requiredId(value: unknown, key: string): number {
  return isId(value) ? value : ruleFailure(value, key, idIssue);
}

/** `time` in ../schemas/common: whole epoch seconds in the plausible range. */
export function requiredTime(value: unknown, key: string): number {
  if (
    typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= MIN_EPOCH_SECONDS &&
    value < MAX_EPOCH_SECONDS
  ) {
    return value;
  }
  return ruleFailure(value, key, timeIssue);
}

/** `nullableTime` */
export function nullableTime(value: unknown, key: string): number | null | undefined {
  return value == null ? value : requiredTime(value, key);
}

/** `nullableRef`: a non-negative safe integer (user 0, group 0). */
export function nullableRef(value: unknown, key: string): number | null | undefined {
  if (value == null || (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0)) {
    return value;
  }
  return ruleFailure(value, key, refIssue);
}

/** `nullablePrice`: 0 … MAX_PRICE. */
export function nullablePrice(value: unknown, key: string): number | null | undefined {
  if (value == null || (typeof value === 'number' && value >= 0 && value <= MAX_PRICE)) {
    return value;
  }
  return ruleFailure(value, key, priceIssue);
}

/** The rule alone, for a number already checked as one, at a path the caller builds. */
export function idIssueAt(keys: PropertyKey[], value: number): void {
  if (!isId(value)) throw new ShapeIssue(keys, idIssue(value) ?? typeMessage('number', value));
}

export function requiredString(value: unknown, key: string): string {
  return typeof value === 'string' ? value : fail([key], 'string', value);
}

function checkLink(link: unknown, key: string): void {
  if (link === undefined) return;
  if (!isObject(link)) fail(['_links', key], 'object', link);
  const href = link['href'];
  if (typeof href !== 'string') fail(['_links', key, 'href'], 'string', href);
}

/** `_links` as schemas/common.ts declares it: optional, each known link an object with an href. */
export function checkLinks(links: unknown): void {
  if (links === undefined) return;
  if (!isObject(links)) fail(['_links'], 'object', links);
  checkLink(links['self'], 'self');
  checkLink(links['next'], 'next');
  checkLink(links['prev'], 'prev');
  checkLink(links['first'], 'first');
}

const META_KEYS = ['_page', '_total_items', '_page_count'] as const;

/**
 * The list envelope (`listMeta` plus `_embedded.<key>`), checked in the schema's key order, and its
 * collection, whose items the caller checks.
 */
export function listItems(body: unknown, key: string): readonly unknown[] {
  if (!isObject(body)) return fail([], 'object', body);
  for (const meta of META_KEYS) {
    const value = body[meta];
    if (value !== undefined && !isNumber(value)) fail([meta], 'number', value);
  }
  checkLinks(body['_links']);
  const embedded = body['_embedded'];
  if (!isObject(embedded)) return fail(['_embedded'], 'object', embedded);
  const items = embedded[key];
  return isArray(items) ? items : fail(['_embedded', key], 'array', items);
}

/** Puts the item's place in front of an issue thrown while reading it; passes anything else on. */
export function atItem(error: unknown, key: string, index: number): unknown {
  if (error instanceof ShapeIssue) error.keys.unshift('_embedded', key, index);
  return error;
}

/**
 * The ApiError SCHEMA for a ShapeIssue, with the one issue found. zod collects every issue of a
 * body; a reader stops at the first, which is also zod's first (same checks, same order).
 */
export function toSchemaError(error: unknown, where: ReadWhere): unknown {
  if (!(error instanceof ShapeIssue)) return error;
  const issues = [{ path: formatIssuePath(error.keys), message: error.message }];
  return new ApiError('SCHEMA', { path: where.path, issues });
}
