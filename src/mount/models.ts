import { signal } from '@preact/signals-core';
import { DataModel } from '../state';
import type { Engine } from '../state';
import { createEngine } from '../state';
import type { PeriodChoice } from '../state';
import { ReportModel } from '../state';
import { createTranslate } from '../i18n';
import { buildStageListUrl } from '../ui';
import type { UiEnv } from '../ui';
import { createFormatters } from '../ui';
import type { Host } from './host';

export interface PipelineModels {
  readonly pipelineId: number;
  readonly data: DataModel;
  readonly engine: Engine;
  readonly report: ReportModel;
  dispose(): void;
}

/** Data, engine and report for one pipeline; `dispose` stops syncs, timers and the worker. */
export function createPipelineModels(
  host: Host,
  pipelineId: number,
  init: { period?: PeriodChoice; trend?: 'week' | 'month' } = {},
): PipelineModels {
  const engine = createEngine(() => host.spawnWorker());
  const data = new DataModel({
    scope: { accountId: host.account.id, userId: host.user.id, pipelineId },
    store: host.store,
    engine,
    createClient: hooks => host.createClient(hooks),
    clock: host.clock,
    lock: host.lock,
    channel: host.channel,
    timers: host.timers,
    readUsers: host.user.isAdmin,
  });
  const report = new ReportModel(
    {
      data,
      engine,
      settings: signal(host.settings),
      timeZone: host.account.timezone,
      clock: host.clock,
      timers: host.timers,
    },
    {
      period: init.period ?? { kind: host.settings.defaultPeriod },
      ...(init.trend ? { trend: init.trend } : {}),
    },
  );
  return {
    pipelineId,
    data,
    engine,
    report,
    dispose: () => {
      report[Symbol.dispose]();
      data[Symbol.dispose]();
      engine.dispose();
    },
  };
}

export function createUiEnv(host: Host): UiEnv {
  const names = new Map(host.managers.map(m => [m.id, m.name]));
  const t = createTranslate(host.messages, host.lang);
  return {
    t,
    fmt: createFormatters(host.lang, host.account.timezone, host.account.currency),
    timeZone: host.account.timezone,
    managers: host.managers,
    userName: id => names.get(id) ?? `#${id}`,
    leadUrl: id => `/leads/detail/${id}`,
    stageListUrl: buildStageListUrl,
    navigate: url => host.navigate(url),
    clock: host.clock,
  };
}
