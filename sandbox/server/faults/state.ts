/**
 * The live fault state: the active configuration plus what is left of its counted faults
 * ("the next N requests"). Each `take*` call consumes one occurrence, so the API gate and the
 * routes ask exactly once per request.
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import {
  resolveFaultSetting,
  type FaultConfig,
  type FaultPresetName,
  type FaultSetting,
  type MalformedKind,
} from './config';

const DEFAULT_SEED = 1;

/** Remaining occurrences; `null` = unlimited (until cleared). */
type Remaining = number | null;

function initialRemaining(configured: { count?: number | undefined } | undefined): Remaining {
  return configured?.count ?? null;
}

export interface FaultSnapshot {
  readonly preset: FaultPresetName | null;
  readonly config: FaultConfig;
  readonly remaining: {
    readonly rateLimitStorm: Remaining;
    readonly serverErrors: Remaining;
    readonly malformedBody: Remaining;
    readonly paginationShift: Remaining;
  };
}

export class FaultController {
  private preset: FaultPresetName | null = null;
  private config: FaultConfig = {};
  private rng: RandomGenerator = xoroshiro128plus(DEFAULT_SEED);
  private storm: Remaining = null;
  private errors: Remaining = null;
  private errorIndex = 0;
  private malformed: Remaining = null;
  private shifts: Remaining = null;
  private readonly credentialUses = new Map<string, number>();

  constructor(setting?: FaultSetting) {
    if (setting !== undefined) this.set(setting);
  }

  /** Replaces the whole configuration (throws a ZodError naming the bad field). */
  set(setting: unknown): void {
    const resolved = resolveFaultSetting(setting);
    this.preset = resolved.preset;
    this.config = resolved.config;
    this.rng = xoroshiro128plus(resolved.config.seed ?? DEFAULT_SEED);
    this.storm = initialRemaining(resolved.config.rateLimitStorm);
    this.errors = initialRemaining(resolved.config.serverErrors);
    this.errorIndex = 0;
    this.malformed = resolved.config.malformedBody?.count ?? null;
    this.shifts = resolved.config.paginationShift?.times ?? null;
    this.credentialUses.clear();
  }

  clear(): void {
    this.set({});
  }

  snapshot(): FaultSnapshot {
    return {
      preset: this.preset,
      config: this.config,
      remaining: {
        rateLimitStorm: this.storm,
        serverErrors: this.errors,
        malformedBody: this.malformed,
        paginationShift: this.shifts,
      },
    };
  }

  /** False when the `apiFilters: false` fault (preset `nofilters`) is on. */
  get apiFilters(): boolean {
    return this.config.apiFilters !== false;
  }

  latencyMs(): number {
    const latency = this.config.latencyMs;
    if (latency === undefined) return 0;
    if (typeof latency === 'number') return latency;
    return uniformInt(this.rng, latency[0], latency[1]);
  }

  /** retry_after (seconds) when this request is caught by the 429 storm. */
  takeRateLimitStorm(): number | undefined {
    const storm = this.config.rateLimitStorm;
    if (storm === undefined || this.storm === 0) return undefined;
    if (this.storm !== null) this.storm -= 1;
    return storm.retryAfter;
  }

  /** The status this request fails with, if it does. */
  takeServerError(): number | undefined {
    const errors = this.config.serverErrors;
    if (errors === undefined) return undefined;
    const counted = this.errors !== null && this.errors > 0;
    const drawn = errors.probability !== undefined && uniformFloat64(this.rng) < errors.probability;
    if (!counted && !drawn) return undefined;
    if (counted && this.errors !== null) this.errors -= 1;
    const statuses = Array.isArray(errors.status) ? errors.status : [errors.status];
    const status = statuses[this.errorIndex % statuses.length] ?? 500;
    this.errorIndex += 1;
    return status;
  }

  takeMalformedBody(): MalformedKind | undefined {
    const malformed = this.config.malformedBody;
    if (malformed === undefined || this.malformed === null || this.malformed <= 0) return undefined;
    this.malformed -= 1;
    return malformed.kind;
  }

  /** How many items to insert at the front of the list just served, if the drift fault is on. */
  takePaginationShift(): number | undefined {
    const shift = this.config.paginationShift;
    if (shift === undefined || this.shifts === 0) return undefined;
    if (this.shifts !== null) this.shifts -= 1;
    return shift.items;
  }

  /**
   * Counts one authenticated request made with `credential` (a session id or token); true once
   * it has been used more than `sessionExpiresAfter` times, i.e. the credential has expired.
   */
  credentialExpired(credential: string): boolean {
    const limit = this.config.sessionExpiresAfter;
    if (limit === undefined) return false;
    const uses = (this.credentialUses.get(credential) ?? 0) + 1;
    this.credentialUses.set(credential, uses);
    return uses > limit;
  }
}
