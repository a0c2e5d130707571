/**
 * The probe widget (test/fixtures/probe-widget): a hand-written AMD widget that records every
 * callback call and what it saw into `window.__probe`, steered by `window.__probeConfig`.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from '../../../sandbox/server/host';

export const PROBE_WIDGET_DIR = path.join(REPO_ROOT, 'test/fixtures/probe-widget');
export const PROBE_CODE = 'probe_lens';
export const PROBE_VERSION = '0.0.7';

export interface ProbeCall {
  readonly name: string;
  readonly instance: number;
  readonly area: string;
  readonly widgetsArea: string;
  readonly baseEntity: string;
  readonly isCard: boolean;
  readonly path: string;
  readonly hasCurrentView: boolean;
  readonly pipelineId: number | null;
  readonly currentPipelineId: number | null;
  readonly cardId: number | null;
  readonly settings: Record<string, unknown>;
  readonly langId: string;
  readonly langsHello: string;
  readonly i18nHello: string;
  readonly installStatus: string;
  readonly version: string;
  readonly userId: number;
  readonly managers: number;
  readonly rows: number;
  readonly blocks: number;
  readonly [extra: string]: unknown;
}

export interface ProbeEvent {
  readonly type: string;
  readonly instance: number;
  readonly widgetsArea: string;
  readonly path: string;
  readonly blocks: number;
}

export interface ProbeRecord {
  readonly calls: ProbeCall[];
  readonly events: ProbeEvent[];
  readonly deps?: { jquery: string; underscore: string; modal: string; helper: string };
}

export interface ProbeConfig {
  readonly onSave?: boolean | 'resolve' | 'reject' | 'resolveFalse' | 'hold';
  readonly renderReturn?: unknown;
  readonly throwIn?: string;
}

export async function readProbe(page: Page): Promise<ProbeRecord> {
  const record = await page.evaluate(
    () => (window as unknown as { __probe?: ProbeRecord }).__probe ?? { calls: [], events: [] },
  );
  return record;
}

/** `[name, area]` of every call, the shape most ordering assertions need. */
export async function probeCallSequence(page: Page): Promise<[string, string][]> {
  return (await readProbe(page)).calls.map(call => [call.name, call.area]);
}

/** Sets `window.__probeConfig` on the current page. */
export async function configureProbe(page: Page, config: ProbeConfig): Promise<void> {
  await page.evaluate(value => {
    (window as unknown as { __probeConfig: ProbeConfig }).__probeConfig = value;
  }, config);
}

/** Sets `window.__probeConfig` before any script of every later page load runs. */
export async function configureProbeOnLoad(page: Page, config: ProbeConfig): Promise<void> {
  await page.addInitScript(value => {
    (window as unknown as { __probeConfig: ProbeConfig }).__probeConfig = value;
  }, config);
}

/** Answers the probe's pending `onSave` (config `onSave: 'hold'`). */
export async function releaseProbeSave(page: Page, answer: unknown): Promise<void> {
  await page.evaluate(value => {
    (window as unknown as { __probeRelease?: (v: unknown) => void }).__probeRelease?.(value);
  }, answer);
}
