/**
 * A data service for tests that are about the page, not about syncing: it answers reports and
 * journeys from a model built over the given input (the demo account by default) exactly as the
 * real service does (src/state/service/model.ts), and its status is whatever the test sets.
 * Answers can be held back and released in any order, and questions made to fail.
 */
import type { FunnelInput, FunnelModel, FunnelReport, Period, ReportOptions } from '../../src/core';
import { buildModel, leadVisits } from '../../src/core';
import { EngineError, INITIAL_STATUS } from '../../src/state';
import type { DataService, PartialCounts, ServiceStatus } from '../../src/state';
import { journeyView, reportView, stageDealsView } from '../../src/state/service/model';

export interface FakeService extends DataService {
  /** Sets part of the status and tells every listener, as the service does on any change. */
  setStatus(patch: Partial<ServiceStatus>): void;
  readonly status: () => ServiceStatus;
  /** The model the answers come from; null answers NO_DATA. */
  setModel(model: FunnelModel | null): void;
  /** From now on questions wait until `release()` (all held ones, in the order given). */
  hold(): void;
  release(order?: 'asc' | 'desc'): Promise<void>;
  /** From now on reports fail with this code. */
  failReports(code: EngineError['code'] | null): void;
  setPartial(counts: PartialCounts | null): void;
  readonly refreshes: () => number;
  /** How often the page said it drew the numbers it asked for. */
  readonly shownCount: () => number;
  readonly disposed: () => boolean;
  /** Questions asked so far, by kind. */
  readonly asked: () => { report: number; journey: number; partial: number; stageDeals: number };
  /**
   * The last report asked for, with its deal lists whatever the asker wanted: what tests read
   * the deals the panel asks for stage by stage from.
   */
  readonly fullReport: () => FunnelReport;
}

/** A service whose model is over `input`, already "complete" with version 1 (numbers ready). */
export function fakeService(input?: FunnelInput, status: Partial<ServiceStatus> = {}): FakeService {
  let model: FunnelModel | null = input ? buildModel(input) : null;
  let current: ServiceStatus = {
    ...INITIAL_STATUS,
    activity: { kind: 'idle' },
    ...(model
      ? {
          phase: 'complete',
          version: 1,
          pipelines: [model.pipeline],
          heldFrom: model.historyFrom,
          syncedAt: Math.floor(Date.now() / 1000),
        }
      : {}),
    ...status,
  };
  const listeners = new Set<(s: ServiceStatus) => void>();
  let held: (() => void)[] | null = null;
  let failing: EngineError['code'] | null = null;
  let partial: PartialCounts | null = null;
  let refreshes = 0;
  let shown = 0;
  let disposed = false;
  const asked = { report: 0, journey: 0, partial: 0, stageDeals: 0 };
  let lastOptions: ReportOptions | null = null;
  // The real service derives a lead's visits from its held changes; here, from the input's.
  const visitsOf = (leadId: number) => {
    const lead = model?.factsById.get(leadId)?.lead;
    if (!model || !lead || !input) return undefined;
    const mine = input.events.filter(e => e.leadId === leadId);
    return leadVisits(lead, mine, model.historyFrom);
  };

  const answer = <T>(fn: () => T): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const settle = () => {
        if (disposed) {
          reject(new EngineError('DISPOSED'));
          return;
        }
        try {
          resolve(fn());
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      };
      if (held) held.push(settle);
      else void Promise.resolve().then(settle);
    });

  return {
    report: (options, lists) => {
      asked.report++;
      lastOptions = options;
      return answer(() => {
        if (failing) throw new EngineError(failing, 'test');
        return reportView(model, options, lists);
      });
    },
    stageDeals: (options, stageId) => {
      asked.stageDeals++;
      return answer(() => {
        if (failing) throw new EngineError(failing, 'test');
        return stageDealsView(model, options, stageId);
      });
    },
    journey: (leadId, now, stuck) => {
      asked.journey++;
      return answer(() => journeyView(model, leadId, now, stuck, visitsOf(leadId)));
    },
    partial: (_period: Period) => {
      asked.partial++;
      return answer(() => partial);
    },
    refresh: () => {
      refreshes++;
    },
    shown: () => {
      shown++;
    },
    subscribe: listener => {
      listeners.add(listener);
      listener(current);
      return () => listeners.delete(listener);
    },
    dispose: () => {
      disposed = true;
      listeners.clear();
    },
    setStatus: patch => {
      current = { ...current, ...patch };
      for (const l of listeners) l(current);
    },
    status: () => current,
    setModel: next => {
      model = next;
    },
    hold: () => {
      held = [];
    },
    release: async (order = 'asc') => {
      const list = held ?? [];
      held = null;
      for (const settle of order === 'asc' ? list : [...list].reverse()) settle();
      await Promise.resolve();
    },
    failReports: code => {
      failing = code;
    },
    setPartial: counts => {
      partial = counts;
    },
    refreshes: () => refreshes,
    shownCount: () => shown,
    disposed: () => disposed,
    asked: () => ({ ...asked }),
    fullReport: () => {
      if (!lastOptions) throw new Error('no report was asked for');
      return reportView(model, { ...lastOptions, includeOpenDeals: true }, 'full').report;
    },
  };
}
