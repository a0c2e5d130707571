/**
 * Real models for panel tests: a DataModel over a memory store pre-filled with the demo account's
 * main pipeline (fresh, so no sync starts), the in-thread engine, and a ReportModel over both.
 * Time is ours: the clock is a variable, model timers are recorded, not run.
 */
import { signal } from '@preact/signals';
import type { Signal } from '@preact/signals';
import { act, render, waitFor } from '@testing-library/preact';
import { createMemoryStore } from '../../../../src/sync';
import type { PipelineData } from '../../../../src/sync/merge';
import type { FunnelReport } from '../../../../src/core';
import type { Lang } from '../../../../src/i18n';
import { DataModel } from '../../../../src/state/dataModel';
import { createInThreadEngine } from '../../../../src/state/engine/engine';
import type { Engine } from '../../../../src/state/engine/engine';
import { EngineError } from '../../../../src/state/engine/errors';
import type { PeriodChoice } from '../../../../src/state/period';
import { silentChannel, soloLock } from '../../../../src/state/ports';
import type { TabLock } from '../../../../src/state/ports';
import { ReportModel } from '../../../../src/state/reportModel';
import { DEFAULT_SETTINGS } from '../../../../src/state/settings';
import type { UiEnv } from '../../../../src/ui/env';
import { Panel } from '../../../../src/ui/panel';
import { DEMO_NOW } from '../../../support/demo';
import { testEnv, WithEnv } from '../../../support/env';
import { demoPipelineData, PID, SCOPE } from '../../../support/pipelineData';
import { recordingTimers, scriptedClient, seedStore } from '../../../support/stateFakes';
import type { ClientScript } from '../../../support/stateFakes';

export { demoPipelineData, PID, SCOPE };
export type { ClientScript };

export interface Harness {
  readonly data: DataModel;
  readonly report: ReportModel;
  readonly engine: Engine;
  /** From now on every report the engine is asked for fails (FAILED), as a broken engine would. */
  failEngine(): void;
  readonly timers: ReturnType<typeof recordingTimers>;
  readonly collapsed: Signal<boolean>;
  readonly env: UiEnv & { navigated: string[] };
  /** The models' and the UI's clock, in milliseconds; tests move `time.now`. */
  readonly time: { now: number };
  /** Swaps what the fake amoCRM does on the next sync. */
  setScript(script: ClientScript): void;
  dispose(): void;
}

export interface HarnessOptions {
  /** The cache holds the demo pipeline (default); false starts without cache, i.e. a first sync. */
  readonly cached?: boolean;
  readonly script?: ClientScript;
  readonly lang?: Lang;
  readonly period?: PeriodChoice;
  readonly pipeline?: PipelineData;
  /** The tab lock; `soloLock` (this tab always syncs) unless a test plays another tab. */
  readonly lock?: TabLock;
}

export async function createHarness(opts: HarnessOptions = {}): Promise<Harness> {
  const store = createMemoryStore();
  const held = opts.pipeline ?? demoPipelineData();
  if (opts.cached !== false) await seedStore(store, SCOPE, held);
  const inThread = createInThreadEngine();
  let broken = false;
  const engine: Engine = {
    ...inThread,
    report: options =>
      broken ? Promise.reject(new EngineError('FAILED', 'test')) : inThread.report(options),
  };
  const timers = recordingTimers();
  const managers = (held.users ?? []).map(u => ({ id: u.id, name: u.name }));
  const time = { now: DEMO_NOW * 1000 };
  let script = opts.script ?? {};
  const clock = () => time.now;
  const data = new DataModel({
    scope: SCOPE,
    store,
    engine,
    // Late-bound: a test swaps the script between syncs.
    createClient: hooks => scriptedClient(() => script, hooks.onWait),
    clock,
    lock: opts.lock ?? soloLock,
    channel: silentChannel,
    timers,
  });
  const report = new ReportModel(
    { data, engine, settings: DEFAULT_SETTINGS, timeZone: 'Europe/Moscow', clock, timers },
    { period: opts.period ?? { kind: 'last_30' } },
  );
  return {
    data,
    report,
    engine,
    failEngine: () => {
      broken = true;
    },
    timers,
    collapsed: signal(false),
    env: testEnv({ lang: opts.lang ?? 'ru', managers, clock }),
    time,
    setScript: next => {
      script = next;
    },
    dispose: () => {
      report[Symbol.dispose]();
      data[Symbol.dispose]();
      engine.dispose();
    },
  };
}

export function renderPanel(
  h: Harness,
  userName = 'Анна Соколова',
  container?: HTMLElement,
  pipelineName = 'Продажи',
) {
  return render(
    <WithEnv env={h.env}>
      <Panel
        data={h.data}
        report={h.report}
        pipelineId={PID}
        pipelineName={pipelineName}
        collapsed={h.collapsed}
        userName={userName}
      />
    </WithEnv>,
    container ? { container } : undefined,
  );
}

/** The text of the explanation tied to a number (MetricHint's aria-describedby). */
export function hintText(value: Element): string {
  const hint = value.closest('.fl-hint');
  const id = hint?.getAttribute('aria-describedby');
  const tip = id ? value.ownerDocument.getElementById(id) : null;
  if (!tip) throw new Error(`no hint for "${value.textContent}"`);
  return tip.textContent;
}

/** Resolves once the model holds a computed report (the engine yields to the event loop). */
export async function reportReady(h: Harness): Promise<FunnelReport> {
  await waitFor(() => expect(h.report.state.value.status).toBe('ok'));
  // Let Preact apply the re-render the signal change scheduled.
  await act(() => Promise.resolve());
  const r = h.report.report.value;
  if (!r) throw new Error('no report');
  return r;
}

/**
 * Text matching without whitespace normalisation: Intl puts no-break spaces in numbers ("45,2 %"),
 * and the formatted string a test expects must equal the shown one character for character.
 */
export const exact = { normalizer: (text: string): string => text } as const;
