/**
 * Reading amoCRM's bracket query syntax after `qs` parsed it. amoCRM accepts the same filter as a
 * scalar, an array (`[]=` or `[0]=`), an indexed object, or a comma list, so every reader here
 * accepts all of them; anything present but malformed is a 400 naming the parameter.
 */
import { invalidQuery } from './problem';

export type Query = Readonly<Record<string, unknown>>;

export interface Range {
  readonly from?: number;
  readonly to?: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at `query[a][b]…`, or undefined. */
export function field(query: unknown, ...path: readonly string[]): unknown {
  let current = query;
  for (const key of path) {
    if (!isRecord(current)) return undefined;
    current = current[key];
  }
  return current;
}

/** Items of an array, an indexed object (qs turns sparse or long arrays into one) or a comma list. */
export function listOf(value: unknown): unknown[] {
  if (value === undefined || value === '') return [];
  if (Array.isArray(value)) return value.flatMap(listOf);
  if (isRecord(value)) {
    return Object.keys(value)
      .sort((a, b) => Number(a) - Number(b))
      .flatMap(key => listOf(value[key]));
  }
  if (typeof value === 'string') return value.split(',').filter(part => part.trim() !== '');
  return [value];
}

export function toInt(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : undefined;
  if (typeof value !== 'string' || !/^-?\d+$/.test(value.trim())) return undefined;
  const parsed = Number(value.trim());
  return Number.isSafeInteger(parsed) ? parsed : undefined;
}

export function intList(value: unknown, path: string): number[] | undefined {
  if (value === undefined) return undefined;
  return listOf(value).map(item => {
    const parsed = toInt(item);
    if (parsed === undefined)
      throw invalidQuery(path, `expected integer ids, got ${JSON.stringify(item)}`);
    return parsed;
  });
}

export function stringList(value: unknown, path: string): string[] | undefined {
  if (value === undefined) return undefined;
  return listOf(value).map(item => {
    if (typeof item !== 'string')
      throw invalidQuery(path, 'expected a string or a list of strings');
    return item.trim();
  });
}

export function intParam(value: unknown, path: string, min: number): number | undefined {
  if (value === undefined || value === '') return undefined;
  const parsed = toInt(value);
  if (parsed === undefined || parsed < min) {
    throw invalidQuery(path, `expected an integer >= ${min}, got ${JSON.stringify(value)}`);
  }
  return parsed;
}

/** `[from]` / `[to]` bounds, both inclusive. */
export function rangeParam(value: unknown, path: string): Range | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value)) throw invalidQuery(path, 'expected [from] and/or [to] timestamps');
  const from = intParam(value.from, `${path}[from]`, 0);
  const to = intParam(value.to, `${path}[to]`, 0);
  return { ...(from !== undefined && { from }), ...(to !== undefined && { to }) };
}

export function inRange(value: number | null, range: Range | undefined): boolean {
  if (range === undefined) return true;
  if (value === null) return false;
  return (
    (range.from === undefined || value >= range.from) &&
    (range.to === undefined || value <= range.to)
  );
}

/** `with=a,b` (or `with[]=a&with[]=b`) as a set. */
export function withSet(query: Query): ReadonlySet<string> {
  return new Set(listOf(query.with).map(item => String(item).trim()));
}

export interface Order {
  readonly field: string;
  readonly direction: 'asc' | 'desc';
}

/** The first `order[field]=asc|desc` whose field is allowed. */
export function orderParam(query: Query, allowed: readonly string[]): Order | undefined {
  const order = query.order;
  if (order === undefined) return undefined;
  if (!isRecord(order)) throw invalidQuery('order', 'expected order[field]=asc|desc');
  for (const [key, raw] of Object.entries(order)) {
    if (!allowed.includes(key)) {
      throw invalidQuery(
        `order[${key}]`,
        `can order by ${allowed.join(', ')} only`,
        'NotSupportedChoice',
      );
    }
    const direction = typeof raw === 'string' ? raw.toLowerCase() : '';
    if (direction !== 'asc' && direction !== 'desc') {
      throw invalidQuery(`order[${key}]`, `expected asc or desc, got ${JSON.stringify(raw)}`);
    }
    return { field: key, direction };
  }
  return undefined;
}

/** Objects given as an array, an indexed object (`[0][a]=…`) or a single object (`[a]=…`). */
export function recordList(value: unknown, path: string): Record<string, unknown>[] | undefined {
  if (value === undefined) return undefined;
  const indexed = isRecord(value) && Object.keys(value).every(key => /^\d+$/.test(key));
  const items: unknown[] = Array.isArray(value) ? value : indexed ? Object.values(value) : [value];
  return items.map((item, index) => {
    if (!isRecord(item)) throw invalidQuery(`${path}[${index}]`, 'expected an object');
    return item;
  });
}

export function queryOf(request: { query: unknown }): Query {
  return isRecord(request.query) ? request.query : {};
}

export { isRecord };
