/**
 * Messages between the page and the data service's worker. Questions carry an id and get one
 * answer; the service's status is pushed whenever it changes.
 */
import type { Period, ReportOptions, JourneyOptions } from '../../core';
import type { EngineErrorCode } from '../engine/errors';
import type {
  DealLists,
  JourneyView,
  PartialCounts,
  ReportView,
  ServiceConfig,
  ServiceStatus,
  StageDealsView,
} from './types';

export type Question =
  | { readonly op: 'report'; readonly options: ReportOptions; readonly lists: DealLists }
  | { readonly op: 'stageDeals'; readonly options: ReportOptions; readonly stageId: number }
  | {
      readonly op: 'journey';
      readonly leadId: number;
      readonly now: number;
      readonly stuck: JourneyOptions;
    }
  | { readonly op: 'partial'; readonly period: Period };

export type ToWorker =
  | { readonly op: 'start'; readonly config: ServiceConfig }
  | { readonly op: 'ask'; readonly id: number; readonly question: Question }
  | { readonly op: 'refresh' }
  | { readonly op: 'shown' }
  | { readonly op: 'dispose' };

export type Answer =
  | { readonly op: 'report'; readonly view: ReportView }
  | { readonly op: 'stageDeals'; readonly view: StageDealsView }
  | { readonly op: 'journey'; readonly view: JourneyView }
  | { readonly op: 'partial'; readonly counts: PartialCounts | null };

export type FromWorker =
  | { readonly op: 'status'; readonly status: ServiceStatus }
  | { readonly op: 'answer'; readonly id: number; readonly answer: Answer }
  | {
      readonly op: 'failed';
      readonly id: number;
      readonly code: EngineErrorCode;
      /** For the debug log only; the page speaks by code. */
      readonly detail: string;
    };

/** A tag in every message so either side ignores messages that are not ours. */
export const SERVICE_CHANNEL = 'funnel-lens-data/1';

export interface Envelope<T> {
  readonly channel: typeof SERVICE_CHANNEL;
  readonly body: T;
}

export function isEnvelope(data: unknown): data is Envelope<unknown> {
  return (
    typeof data === 'object' &&
    data !== null &&
    (data as { channel?: unknown }).channel === SERVICE_CHANNEL
  );
}

export const envelope = <T>(body: T): Envelope<T> => ({ channel: SERVICE_CHANNEL, body });
