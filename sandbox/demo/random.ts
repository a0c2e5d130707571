import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';

// Module-level aliases: a global lookup per call is costly in some hosts (jest's vm context makes
// `Math.x` ~40× slower), and these run millions of times for a benchmark-sized account.
const { cos, exp, log, PI, sin, sqrt } = Math;
const { fromCharCode } = String;

/**
 * A seeded random source for the demo account. Everything random in the demo goes through one of
 * these, so the same seed always yields the same account.
 */
export class Rng {
  private spareNormal: number | null = null;

  private constructor(private readonly gen: JumpableRandomGenerator) {}

  /**
   * Independent streams for one seed, one per name. Separate streams per concern (timing,
   * journeys, names…) keep a change in how one concern draws numbers from reshuffling the others.
   */
  static streams<K extends string>(seed: number, names: readonly K[]): Record<K, Rng> {
    const base = xoroshiro128plus(seed);
    const out = {} as Record<K, Rng>;
    for (const name of names) {
      out[name] = new Rng(base.clone());
      base.jump();
    }
    return out;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return uniformFloat64(this.gen);
  }

  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number {
    return uniformInt(this.gen, min, max);
  }

  /** 32 raw random bits as an unsigned integer. */
  bits32(): number {
    return this.gen.next() >>> 0;
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(0, items.length - 1)];
    if (item === undefined) throw new RangeError('Rng.pick: the list is empty');
    return item;
  }

  /** Index drawn with probability proportional to its weight (weights ≥ 0, sum > 0). */
  weighted(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let x = this.float() * total;
    for (let i = 0; i < weights.length; i += 1) {
      x -= weights[i] ?? 0;
      if (x < 0) return i;
    }
    // Rounding can leave x at a hair above 0: fall back to the last positive weight.
    for (let i = weights.length - 1; i >= 0; i -= 1) if ((weights[i] ?? 0) > 0) return i;
    throw new RangeError('Rng.weighted: no positive weight');
  }

  /** Standard normal (Box–Muller; the second value of each pair is kept for the next call). */
  normal(): number {
    if (this.spareNormal !== null) {
      const value = this.spareNormal;
      this.spareNormal = null;
      return value;
    }
    const u = 1 - this.float();
    const v = this.float();
    const r = sqrt(-2 * log(u));
    this.spareNormal = r * sin(2 * PI * v);
    return r * cos(2 * PI * v);
  }

  /** Log-normal with the given median: the long right tail real sales durations and budgets have. */
  logNormal(median: number, sigma: number): number {
    return median * exp(sigma * this.normal());
  }
}

/** Crockford base32, lower case: the alphabet of ULIDs, which amoCRM event ids look like. */
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const CODES = Array.from(ALPHABET, c => c.charCodeAt(0));
const idCodes: number[] = new Array<number>(26).fill(0);

/** Writes the low `5 × width` bits of `value` as base32 digits from index `start`. */
function putDigits(value: number, start: number, width: number): void {
  let rest = value;
  for (let i = start + width - 1; i >= start; i -= 1) {
    idCodes[i] = CODES[rest & 31] ?? 0;
    rest >>>= 5;
  }
}

const TWO_POW_25 = 33_554_432;

/**
 * A 26-character event id in the shape of amoCRM's (e.g. "01pz58t6p04ymgsgfbmfyfy1mf"): 10 chars
 * of millisecond time, 6 of a sequence number (unique per account, so ids never collide) and 10
 * random ones.
 */
export function eventId(createdAt: number, seq: number, rng: Rng): string {
  // 50 bits of milliseconds, written as two 25-bit halves so all digit math stays in int32.
  const millis = createdAt * 1000 + (seq % 1000);
  const high = (millis / TWO_POW_25) >>> 0;
  putDigits(high, 0, 5);
  putDigits(millis - high * TWO_POW_25, 5, 5);
  putDigits(seq, 10, 6);
  putDigits(rng.bits32(), 16, 5);
  putDigits(rng.bits32(), 21, 5);
  return fromCharCode(...idCodes);
}
