/**
 * Real page models over the demo account for component tests: a fake data service answering
 * from a real engine model over one pipeline's data, and the DataModel / ReportModel / CardModel
 * the widget uses over it. The service's status is the test's; time is jest's fake clock.
 */
import { adaptPipeline } from '../../../../src/api/adapt';
import { parseWith } from '../../../../src/api/parse';
import { RawPipelineSchema } from '../../../../src/api/schemas';
import type { FunnelInput, Pipeline } from '../../../../src/core';
import {
  CardModel,
  DataModel,
  DEFAULT_SETTINGS,
  realTimers,
  ReportModel,
} from '../../../../src/state';
import type { PeriodChoice, ServiceStatus, WidgetSettings } from '../../../../src/state';
import { DEMO_NOW, demoAccount, demoInput } from '../../../support/demo';
import { fakeService } from '../../../support/fakeService';
import type { FakeService } from '../../../support/fakeService';

export const TIME_ZONE = 'Europe/Moscow';
export const clock = (): number => DEMO_NOW * 1000;

export interface Demo {
  readonly input: FunnelInput;
  readonly pipelines: readonly Pipeline[];
  readonly managers: readonly { readonly id: number; readonly name: string }[];
}

/** The demo account's main pipeline (and every pipeline, for names), optionally edited. */
export function demo(edit: (input: FunnelInput) => FunnelInput = i => i): Demo {
  const account = demoAccount();
  const input = edit(demoInput(account));
  const pipelines = account.pipelines.map(raw =>
    raw.id === input.pipeline.id
      ? input.pipeline
      : adaptPipeline(
          parseWith(RawPipelineSchema, { ...raw, _embedded: { statuses: raw.statuses } }),
        ),
  );
  return { input, pipelines, managers: account.users.map(u => ({ id: u.id, name: u.name })) };
}

export interface Models {
  readonly data: DataModel;
  readonly service: FakeService;
  readonly settings: WidgetSettings;
  dispose(): void;
}

/**
 * Models over the demo: by default the service holds the whole history, synced at DEMO_NOW;
 * `status` overrides any part of what it says (a first load, a failure).
 */
export function dataModels(
  { input, pipelines }: Demo,
  {
    status = {},
    settings = DEFAULT_SETTINGS,
  }: { status?: Partial<ServiceStatus>; settings?: WidgetSettings } = {},
): Models {
  const service = fakeService(input, { syncedAt: DEMO_NOW, pipelines, ...status });
  const data = new DataModel({ service, pipelineId: input.pipeline.id });
  return {
    data,
    service,
    settings,
    dispose: () => {
      data[Symbol.dispose]();
      service.dispose();
    },
  };
}

export function reportModel(
  m: Models,
  init: { period?: PeriodChoice; trend?: 'week' | 'month' } = {},
): ReportModel {
  return new ReportModel(
    {
      data: m.data,
      service: m.service,
      settings: m.settings,
      timeZone: TIME_ZONE,
      clock,
      timers: realTimers,
    },
    { period: init.period ?? { kind: 'last_90' }, ...(init.trend ? { trend: init.trend } : {}) },
  );
}

export function cardModel(m: Models, leadId: number): CardModel {
  const { stuckDaysByStage, horizonDays } = m.settings;
  const stuck = { stuckDaysByStage, ...(horizonDays === null ? {} : { horizonDays }) };
  return new CardModel({ data: m.data, service: m.service, stuck, leadId, clock });
}

/** Lets the fake clock run (the engine yields with setTimeout) until `done` holds. */
export async function until(done: () => boolean, what = 'condition'): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (done()) return;
    await jest.advanceTimersByTimeAsync(5);
  }
  throw new Error(`timed out waiting for ${what}`);
}
