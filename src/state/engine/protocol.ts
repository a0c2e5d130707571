/**
 * Messages between the page and the engine worker. The worker keeps the derived per-lead facts
 * of the loaded pipeline, so changing the period or the manager filter costs one aggregation pass,
 * not a re-derivation of every history.
 */
import type {
  FunnelInput,
  FunnelReport,
  LeadJourney,
  PackedEvents,
  PackedLeads,
  ReportOptions,
  StageNorm,
  StuckOptions,
} from '../../core';
import type { EngineErrorCode } from './errors';

/** Engine input with its large lists as columns (see core/packed.ts): cheap to post to a worker. */
export interface PackedInput extends Omit<FunnelInput, 'leads' | 'events'> {
  readonly leads: PackedLeads;
  readonly events: PackedEvents;
}

export type EngineRequest =
  | { readonly id: number; readonly op: 'load'; readonly input: PackedInput }
  | { readonly id: number; readonly op: 'report'; readonly options: ReportOptions }
  | {
      readonly id: number;
      readonly op: 'journey';
      readonly leadId: number;
      readonly now: number;
      readonly stuck: StuckOptions;
    };

/** A request before it gets its id. */
export type EngineAsk = EngineRequest extends infer R
  ? R extends EngineRequest
    ? Omit<R, 'id'>
    : never
  : never;

export type EngineResult =
  | { readonly op: 'load'; readonly leads: number }
  | { readonly op: 'report'; readonly report: FunnelReport }
  | {
      readonly op: 'journey';
      readonly journey: LeadJourney | null;
      readonly norms: readonly StageNorm[];
    };

export type EngineResponse =
  | { readonly id: number; readonly ok: true; readonly result: EngineResult }
  | {
      readonly id: number;
      readonly ok: false;
      readonly code: EngineErrorCode;
      /** For the debug log only; the UI speaks by code. */
      readonly detail: string;
    };

/** A tag in every message so the worker ignores messages that are not ours. */
export const ENGINE_CHANNEL = 'funnel-lens-engine/2';

export interface Envelope<T> {
  readonly channel: typeof ENGINE_CHANNEL;
  readonly body: T;
}

export function isEnvelope(data: unknown): data is Envelope<unknown> {
  return (
    typeof data === 'object' &&
    data !== null &&
    (data as { channel?: unknown }).channel === ENGINE_CHANNEL
  );
}
