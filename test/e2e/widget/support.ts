/**
 * What the real widget's end-to-end tests share: the demo's fixed "today", reading the panel the
 * way a person reads it, and the `funnel-lens` CLI's report on the very same sandbox data.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { FunnelReport } from '../../../src/core';

const BIN = join(__dirname, '../../../bin/funnel-lens.cjs');

function run(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [BIN, ...args], { maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`funnel-lens ${args[0] ?? ''} failed: ${stderr}`));
      else resolve(stdout);
    });
  });
}

export interface PanelWindow {
  readonly from: number;
  readonly to: number;
  readonly now: number;
  /** Where the history the numbers rest on starts; null = all of it. */
  readonly historyFrom: number | null;
  /** The history horizon the thresholds learned over; null = all history. */
  readonly horizonDays: number | null;
  /** The side stages set apart (metrics.md 11.3), as `--side-stages` takes them; null = none. */
  readonly sideStages?: string | null;
}

/**
 * The window and instant of the numbers the panel shows, and the history they rest on (its
 * data-from/to/now/history-from/horizon-days attributes): what `funnel-lens report` needs to
 * give the same numbers.
 */
export async function panelWindow(page: Page): Promise<PanelWindow> {
  const read = async (name: string) => page.locator('.fl-panel').getAttribute(name);
  const num = async (name: string) => Number(await read(name));
  const optional = async (name: string) => {
    const text = await read(name);
    return text === null ? null : Number(text);
  };
  return {
    from: await num('data-from'),
    to: await num('data-to'),
    now: await num('data-now'),
    historyFrom: await optional('data-history-from'),
    horizonDays: await optional('data-horizon-days'),
    sideStages: await read('data-side-stages'),
  };
}

/** `funnel-lens sync` of the whole history from the sandbox into a fresh folder. */
export async function cliDump(baseUrl: string, pipelineId: number): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), 'funnel-lens-e2e-'));
  await run([
    'sync',
    ...['--base-url', baseUrl, '--token', 'sandbox-token'],
    ...['--out', out, '--pipeline', String(pipelineId)],
  ]);
  return out;
}

/** `funnel-lens report --json` over a dump, for exactly the panel's window and history. */
export async function cliReportFrom(
  dump: string,
  pipelineId: number,
  window: PanelWindow,
  /** More options, e.g. a slice or a counting mode the page was set to. */
  extra: readonly string[] = [],
): Promise<FunnelReport> {
  const json = await run([
    'report',
    ...['--data', dump, '--pipeline', String(pipelineId), '--json'],
    ...['--from', String(window.from), '--to', String(window.to), '--now', String(window.now)],
    ...(window.historyFrom === null ? [] : ['--history-from', String(window.historyFrom)]),
    ...(window.horizonDays === null ? [] : ['--horizon-days', String(window.horizonDays)]),
    ...(window.sideStages ? ['--side-stages', window.sideStages] : []),
    ...extra,
  ]);
  return JSON.parse(json) as FunnelReport;
}

/** `funnel-lens sync` from the sandbox, then `report --json` over exactly that window. */
export async function cliReport(
  baseUrl: string,
  pipelineId: number,
  window: PanelWindow,
): Promise<FunnelReport> {
  return cliReportFrom(await cliDump(baseUrl, pipelineId), pipelineId, window);
}

/** Until the panel shows the current numbers (not the last visit's, kept while they compute). */
export async function waitForFunnel(page: Page): Promise<void> {
  await page.waitForSelector('.fl-panel:not([data-phase="snapshot"]) .fl-funnel .fl-row', {
    timeout: 45_000,
  });
  await page.waitForFunction(
    () => document.querySelector('.fl-panel .fl-progress') === null,
    undefined,
    {
      timeout: 45_000,
    },
  );
}

const digits = (text: string | null): number => Number((text ?? '').replace(/[^\d]/g, ''));

export interface PanelRow {
  readonly stageId: number;
  readonly name: string;
  readonly reached: number;
  readonly conversion: string;
  readonly stuck: number;
  readonly weak: boolean;
}

/** The funnel rows as the panel shows them. */
export function panelRows(page: Page): Promise<PanelRow[]> {
  return page.$$eval('.fl-panel .fl-funnel li.fl-row[data-stage-id]', rows =>
    rows.map(row => ({
      stageId: Number(row.getAttribute('data-stage-id')),
      name: row.querySelector('.fl-row__name')?.textContent ?? '',
      reached: Number(
        (row.querySelector('.fl-bar__count')?.textContent ?? '').replace(/[^\d]/g, ''),
      ),
      conversion: (row.querySelector('.fl-row__conv .fl-num')?.textContent ?? '').replace(
        /\s/g,
        '',
      ),
      stuck: Number(
        (row.querySelector('.fl-row__stuck .fl-badge')?.textContent ?? '0').replace(/[^\d]/g, ''),
      ),
      weak: row.classList.contains('fl-row--weak'),
    })),
  );
}

/** A fraction as the Russian panel writes a percent: one decimal at most, comma, no spaces. */
export function ruPercent(value: number | null): string {
  if (value === null) return '—';
  return new Intl.NumberFormat('ru-RU', { style: 'percent', maximumFractionDigits: 1 })
    .format(value)
    .replace(/\s/g, '');
}

export async function totalValue(page: Page, index: number): Promise<number> {
  // The first number of each total card (a card may add a second one, e.g. revenue under "won").
  const values = await page.$$eval('.fl-panel .fl-total__value', els =>
    els.map(e => e.querySelector('.fl-num')?.textContent ?? null),
  );
  return digits(values[index] ?? null);
}

/** The panel's funnel rows and its totals are `funnel-lens report`'s over the panel's window. */
export async function expectPanelEqualsReport(page: Page, cli: FunnelReport): Promise<void> {
  const rows = await panelRows(page);
  expect(rows.map(r => r.stageId)).toEqual(cli.stages.map(s => s.id));
  expect(rows.map(r => r.reached)).toEqual(cli.stages.map(s => s.reached));
  expect(rows.map(r => r.conversion)).toEqual(cli.stages.map(s => ruPercent(s.conversionToNext)));
  expect(rows.map(r => r.stuck)).toEqual(cli.stages.map(s => s.stuck));
  expect([await totalValue(page, 0), await totalValue(page, 1), await totalValue(page, 2)]).toEqual(
    [cli.totals.deals, cli.totals.won, cli.totals.lost],
  );
}

/** The languages the widget ships: the manifest's list, which amoCRM and Kommo offer it in. */
export function shippedLangs(): readonly string[] {
  const manifest = JSON.parse(readFileSync(join(__dirname, '../../../manifest.json'), 'utf8')) as {
    widget: { locale: string[] };
  };
  return manifest.widget.locale;
}
