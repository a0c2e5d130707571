/**
 * Orders of many whole numbers (ids, seconds) and of completed visits, for the model and the
 * thresholds: a full account has a million of them, where a native sort of doubles, let alone a
 * comparator sort, is a large share of building a report.
 */
import type { CompletedVisits } from './model';

/** Ends ascending, hours moved along (equal ends keep their order). */
export function sortedPairs(ends: Float64Array, hours: Float64Array): CompletedVisits {
  if (ends.length >= SMALL && ends.every(isWhole)) return pairsByDigits(ends, hours);
  const order = orderByValue(ends);
  const sortedEnds = new Float64Array(ends.length);
  const sortedHours = new Float64Array(ends.length);
  for (let at = 0; at < order.length; at++) {
    const k = order[at] ?? 0;
    sortedEnds[at] = ends[k] ?? 0;
    sortedHours[at] = hours[k] ?? 0;
  }
  return { ends: sortedEnds, hours: sortedHours };
}

const isWhole = (v: number): boolean => v >= 0 && v <= MAX_U32 && Math.floor(v) === v;

/**
 * Whole-second ends ordered by moving the pairs themselves through three stable counting passes of
 * 11 bits (a table that stays in the first-level cache), instead of ordering indices and then
 * gathering a million pairs from random places. A pass whose digit is the same for all is skipped:
 * a year of ends shares its top bits.
 */
function pairsByDigits(ends: Float64Array, hours: Float64Array): CompletedVisits {
  const n = ends.length;
  let from: CompletedVisits = { ends, hours };
  let spare: CompletedVisits | null = null;
  let moved = false;
  for (const shift of [0, 11, 22]) {
    const to: CompletedVisits = spare ?? { ends: new Float64Array(n), hours: new Float64Array(n) };
    if (!digitPass(from, to, shift)) {
      spare = to;
      continue;
    }
    // The caller's arrays are read, never written.
    spare = moved ? from : null;
    from = to;
    moved = true;
  }
  return moved ? from : { ends: ends.slice(), hours: hours.slice() };
}

const DIGIT = 0x7ff;

/** One stable pass on the 11 bits from `shift` on; false (nothing written) when all share them. */
function digitPass(from: CompletedVisits, to: CompletedVisits, shift: number): boolean {
  const n = from.ends.length;
  const starts = new Uint32Array(DIGIT + 2);
  for (let k = 0; k < n; k++) {
    const d = (((from.ends[k] ?? 0) >>> shift) & DIGIT) + 1;
    starts[d] = (starts[d] ?? 0) + 1;
  }
  if (starts.some(c => c === n)) return false;
  for (let d = 1; d <= DIGIT + 1; d++) starts[d] = (starts[d] ?? 0) + (starts[d - 1] ?? 0);
  const { ends, hours } = to;
  for (let k = 0; k < n; k++) {
    const end = from.ends[k] ?? 0;
    const d = (end >>> shift) & DIGIT;
    const at = starts[d] ?? 0;
    starts[d] = at + 1;
    ends[at] = end;
    hours[at] = from.hours[k] ?? 0;
  }
  return true;
}

/**
 * The indices of `values` in ascending order of value, equal values in index order. Keys here are
 * mostly whole numbers below 2^32 (seconds, ids), often already in order (facts come in id
 * order): a pass finds out, and many such keys are ordered by two counting passes over their
 * 16-bit halves, stable by construction, several times faster than a native sort of a million
 * doubles (a few are sorted natively as `value · 2^b + index`). Anything else falls back to the
 * comparator.
 */
export function orderByValue(values: ArrayLike<number>): Uint32Array {
  const n = values.length;
  const order = new Uint32Array(n);
  let whole = true;
  let sorted = true;
  let prev = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < n; k++) {
    const v = values[k] ?? 0;
    if (!isWhole(v)) whole = false;
    if (v < prev || v !== v) sorted = false;
    prev = v;
  }
  if (sorted) {
    for (let k = 0; k < n; k++) order[k] = k;
    return order;
  }
  if (whole) return n < SMALL ? keyOrder(values, order) : countingOrder(values);
  for (let k = 0; k < n; k++) order[k] = k;
  return order.sort((a, b) => (values[a] ?? 0) - (values[b] ?? 0) || a - b);
}

/**
 * `hours` ascending, as a native sort gives them. Hours of completed visits are whole seconds over
 * 3600, so when every value is one, they order as those seconds do, which a counting order does
 * several times faster than a native sort of a million doubles (a report learns from them all).
 */
export function sortedHours(hours: Float64Array): Float64Array {
  const n = hours.length;
  if (n < SMALL) return hours.slice().sort();
  const seconds = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const h = hours[k] ?? 0;
    const s = Math.round(h * 3600);
    // -0 sorts before 0 natively, and is no whole second here.
    if (!(s >= 0 && s <= MAX_U32 && s / 3600 === h) || (h === 0 && 1 / h < 0)) {
      return hours.slice().sort();
    }
    seconds[k] = s;
  }
  const order = countingOrder(seconds);
  const out = new Float64Array(n);
  for (let k = 0; k < n; k++) out[k] = hours[order[k] ?? 0] ?? 0;
  return out;
}

const MAX_U32 = 0xffff_ffff;
const DIGITS = 0x1_0000;
/** Below this many keys the counting tables cost more than a native sort. */
const SMALL = 2048;

/** `value · 2^b + index` is an exact double for values below 2^32 and fewer than 2^21 of them. */
function keyOrder(values: ArrayLike<number>, order: Uint32Array): Uint32Array {
  const n = values.length;
  const scale = 2 ** Math.max(1, Math.ceil(Math.log2(n + 1)));
  const keys = new Float64Array(n);
  for (let k = 0; k < n; k++) keys[k] = (values[k] ?? 0) * scale + k;
  keys.sort();
  for (let k = 0; k < n; k++) order[k] = (keys[k] ?? 0) % scale;
  return order;
}

/** Least significant half first; each pass keeps the order of the one before for equal halves. */
function countingOrder(values: ArrayLike<number>): Uint32Array {
  const order = new Uint32Array(values.length);
  const byLow = new Uint32Array(values.length);
  for (let k = 0; k < order.length; k++) order[k] = k;
  pass(values, 0, order, byLow);
  pass(values, 16, byLow, order);
  return order;
}

/** A stable counting pass on the 16 bits of each value from `shift` on: `from` into `to`. */
function pass(values: ArrayLike<number>, shift: number, from: Uint32Array, to: Uint32Array): void {
  const starts = new Uint32Array(DIGITS + 1);
  for (let j = 0; j < from.length; j++) {
    const d = (((values[j] ?? 0) >>> shift) & 0xffff) + 1;
    starts[d] = (starts[d] ?? 0) + 1;
  }
  for (let d = 1; d <= DIGITS; d++) starts[d] = (starts[d] ?? 0) + (starts[d - 1] ?? 0);
  for (let j = 0; j < from.length; j++) {
    const k = from[j] ?? 0;
    const d = ((values[k] ?? 0) >>> shift) & 0xffff;
    const at = starts[d] ?? 0;
    starts[d] = at + 1;
    to[at] = k;
  }
}
