import fc from 'fast-check';

/**
 * Mutations of real bodies for the fuzz suite: where a body can be touched, what a place may be
 * replaced with, and applying one. Neutral mutations (an unknown key added, keys reordered) must
 * not change what the reader makes of a body; the others may break it, which must then be said.
 */

export type Key = string | number;
export type Place = readonly Key[];

export type Mutation =
  | { readonly kind: 'replace'; readonly place: Place; readonly value: unknown }
  | { readonly kind: 'delete'; readonly place: Place }
  /** An array gets its first item again; anything else becomes `[value, value]`. */
  | { readonly kind: 'double'; readonly place: Place }
  | { readonly kind: 'extra'; readonly place: Place; readonly value: unknown }
  | { readonly kind: 'reorder'; readonly place: Place };

export const isNeutral = (m: Mutation): boolean => m.kind === 'extra' || m.kind === 'reorder';

/** A key no schema knows, so adding it must change nothing. */
export const EXTRA_KEY = 'x_fuzz_unknown';

function childrenOf(value: unknown): Key[] {
  if (Array.isArray(value)) return value.map((_, i) => i);
  if (typeof value === 'object' && value !== null) return Object.keys(value);
  return [];
}

/** Every place in a body (each key and index, at any depth), parents before children. */
export function placesOf(body: unknown): Place[] {
  const out: Place[] = [];
  const walk = (value: unknown, at: Key[]) => {
    for (const key of childrenOf(value)) {
      const place = [...at, key];
      out.push(place);
      walk((value as Record<Key, unknown>)[key], place);
    }
  };
  walk(body, []);
  return out;
}

/** Places whose value is an object (not an array), the root included. */
export function objectPlacesOf(body: unknown): Place[] {
  return [[], ...placesOf(body)].filter(place => {
    const value = valueAt(body, place);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  });
}

export function valueAt(body: unknown, place: Place): unknown {
  let value = body;
  for (const key of place) value = (value as Record<Key, unknown>)[key];
  return value;
}

/** Values derived from the number found at the place: the unit, sign and size mistakes of real data. */
function numberVariants(n: number): unknown[] {
  return [n * 1000, -n, n + 1, n + 0.5, String(n), Number.MAX_SAFE_INTEGER + 2];
}

const FIXED = [null, 0, -1, 1.5, 1e20, 1e308, -1e308, '', 'x', true, {}, [], [{}], [1]];

/** The values a place may be replaced with: fixed wrong ones and variants of its own number. */
export function replacementsFor(current: unknown): unknown[] {
  return typeof current === 'number' ? [...numberVariants(current), ...FIXED] : FIXED;
}

/** The places of each body met, so that a body mutated many times is walked once. */
const placesCache = new WeakMap<object, { all: Place[]; objects: Place[] }>();

function placesCached(body: unknown): { all: Place[]; objects: Place[] } {
  const key = typeof body === 'object' && body !== null ? body : null;
  const cached = key === null ? undefined : placesCache.get(key);
  if (cached !== undefined) return cached;
  const found = { all: placesOf(body), objects: objectPlacesOf(body) };
  if (key !== null) placesCache.set(key, found);
  return found;
}

/** One random mutation of `body`; neutral ones only when `neutral`. */
export function mutationArb(body: unknown, neutral = false): fc.Arbitrary<Mutation> {
  const { all: places, objects } = placesCached(body);
  const extra = fc.record({
    kind: fc.constant('extra' as const),
    place: fc.constantFrom(...objects),
    value: fc.jsonValue({ maxDepth: 2 }),
  });
  const reorder = fc.record({
    kind: fc.constant('reorder' as const),
    place: fc.constantFrom(...objects),
  });
  if (neutral || places.length === 0) return fc.oneof(extra, reorder);
  const at = fc.constantFrom(...places);
  const replace = at.chain(place =>
    fc.record({
      kind: fc.constant('replace' as const),
      place: fc.constant(place),
      value: fc.constantFrom(...replacementsFor(valueAt(body, place))),
    }),
  );
  return fc.oneof(
    { arbitrary: replace, weight: 6 },
    { arbitrary: at.map(place => ({ kind: 'delete' as const, place })), weight: 2 },
    { arbitrary: at.map(place => ({ kind: 'double' as const, place })), weight: 1 },
    { arbitrary: extra, weight: 1 },
  );
}

function reversedKeys(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).reverse());
}

/** A copy of `body` with the mutation applied; the body itself is never changed. */
export function applyMutation(body: unknown, m: Mutation): unknown {
  const copy: unknown = structuredClone(body);
  if (m.place.length === 0) {
    // Only the object mutations reach the root.
    if (m.kind === 'reorder') return reversedKeys(copy as Record<string, unknown>);
    if (m.kind === 'extra') return { ...(copy as object), [EXTRA_KEY]: m.value };
    return copy;
  }
  const parent = valueAt(copy, m.place.slice(0, -1)) as Record<Key, unknown>;
  const last = m.place[m.place.length - 1]!;
  const old = parent[last];
  switch (m.kind) {
    case 'replace':
      parent[last] = structuredClone(m.value);
      break;
    case 'delete':
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else Reflect.deleteProperty(parent, last);
      break;
    case 'double':
      parent[last] = Array.isArray(old) ? [...old, ...old.slice(0, 1)] : [old, old];
      break;
    case 'extra':
      (old as Record<string, unknown>)[EXTRA_KEY] = m.value;
      break;
    case 'reorder':
      parent[last] = reversedKeys(old as Record<string, unknown>);
      break;
  }
  return copy;
}
