/**
 * Real page models for panel tests over a fake data service: the service answers reports from a
 * real engine model over the demo account's main pipeline, and its status (phase, activity,
 * errors, waits) is whatever the test sets. Time is ours: the clock is a variable, model timers
 * are recorded, not run.
 */
import { signal } from '@preact/signals';
import type { Signal } from '@preact/signals';
import { act, render, waitFor } from '@testing-library/preact';
import type { FunnelInput, FunnelReport } from '../../../../src/core';
import type { Lang } from '../../../../src/i18n';
import { DataModel, DEFAULT_SETTINGS, ReportModel } from '../../../../src/state';
import type { PeriodChoice, ServiceStatus, WidgetSettings } from '../../../../src/state';
import type { UiEnv } from '../../../../src/ui/env';
import { Panel } from '../../../../src/ui/panel';
import { DEMO_NOW } from '../../../support/demo';
import { testEnv, WithEnv } from '../../../support/env';
import { fakeService } from '../../../support/fakeService';
import type { FakeService } from '../../../support/fakeService';
import { demoPipelineData, PID } from '../../../support/pipelineData';
import type { DemoPipeline } from '../../../support/pipelineData';
import { recordingTimers } from '../../../support/stateFakes';
import type { RecordingTimers } from '../../../support/stateFakes';

export { demoPipelineData, PID };

export interface Harness {
  readonly service: FakeService;
  readonly data: DataModel;
  readonly report: ReportModel;
  readonly input: DemoPipeline;
  readonly timers: RecordingTimers;
  readonly collapsed: Signal<boolean>;
  readonly env: UiEnv & { navigated: string[] };
  /** The models' and the UI's clock, in milliseconds; tests move `time.now`. */
  readonly time: { now: number };
  /** Sets part of the service's status inside act(), so the panel has re-rendered on return. */
  status(patch: Partial<ServiceStatus>): Promise<void>;
  dispose(): void;
}

export interface HarnessOptions {
  readonly lang?: Lang;
  readonly period?: PeriodChoice;
  /** The pipeline's data (default: the demo's main pipeline); `historyFrom` makes it partial. */
  readonly pipeline?: DemoPipeline;
  /** The service's status at start; by default complete, version 1, synced at DEMO_NOW. */
  readonly status?: Partial<ServiceStatus>;
  /** Prepares the fake before any model asks it (partial counts, held answers, failures). */
  readonly prepare?: (service: FakeService) => void;
  readonly settings?: WidgetSettings;
  /** Where the report model keeps its snapshot (none: nothing is kept). */
  readonly storage?: Map<string, string>;
}

/** First load: nothing held yet, the window loading. */
export function firstLoad(
  fraction: number | null = null,
  secondsLeft: number | null = null,
): Partial<ServiceStatus> {
  return {
    phase: 'none',
    version: 0,
    syncedAt: null,
    heldFrom: null,
    activity: {
      kind: 'syncing',
      stage: 'window',
      fraction,
      secondsLeft,
      requests: 3,
      heldFrom: null,
    },
  };
}

export function createHarness(opts: HarnessOptions = {}): Harness {
  const input: DemoPipeline = opts.pipeline ?? demoPipelineData();
  const engineInput: FunnelInput = input;
  const service = fakeService(engineInput, { syncedAt: DEMO_NOW, ...opts.status });
  opts.prepare?.(service);
  const timers = recordingTimers({ zeroDelayRuns: true });
  const time = { now: DEMO_NOW * 1000 };
  const clock = () => time.now;
  const data = new DataModel({ service, pipelineId: PID });
  const report = new ReportModel(
    {
      data,
      service,
      settings: opts.settings ?? DEFAULT_SETTINGS,
      timeZone: 'Europe/Moscow',
      clock,
      timers,
      snapshots: opts.storage && {
        storage: {
          get: key => opts.storage?.get(key) ?? null,
          set: (key, value) => void opts.storage?.set(key, value),
        },
        at: 'snapshot:test',
      },
    },
    // As the panel's mount makes it: the drill-down asks for its stage's deals.
    { period: opts.period ?? { kind: 'last_30' }, deals: 'byStage' },
  );
  const managers = input.users.map(u => ({ id: u.id, name: u.name }));
  return {
    service,
    data,
    report,
    input,
    timers,
    collapsed: signal(false),
    env: testEnv({ lang: opts.lang ?? 'ru', managers, clock }),
    time,
    status: patch =>
      act(() => {
        service.setStatus(patch);
      }),
    dispose: () => {
      report[Symbol.dispose]();
      data[Symbol.dispose]();
      service.dispose();
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

/** Resolves once the model holds a computed report (the service answers on a later turn). */
export async function reportReady(h: Harness): Promise<FunnelReport> {
  await waitFor(() => expect(h.report.state.value.status).toBe('ok'));
  // Let Preact apply the re-render the signal change scheduled.
  await act(() => Promise.resolve());
  if (!h.report.report.value) throw new Error('no report');
  // The panel's reports come without deal lists; the same report with them, for expectations.
  return h.service.fullReport();
}

/** After a stage was opened: its deals have arrived and the drill-down shows them. */
export async function stageDealsReady(h: Harness): Promise<void> {
  await waitFor(() => expect(h.report.stageDeals.value.status).toBe('ok'));
  await act(() => Promise.resolve());
}

/** The panel's root element (the complementary region). */
export function panelRoot(container: Element): HTMLElement {
  const root = container.querySelector<HTMLElement>('aside.fl-panel');
  if (!root) throw new Error('no panel');
  return root;
}

/**
 * Text matching without whitespace normalisation: Intl puts no-break spaces in numbers ("45,2 %"),
 * and the formatted string a test expects must equal the shown one character for character.
 */
export const exact = { normalizer: (text: string): string => text } as const;
