/**
 * Distributions on the report page (docs/metrics.md F.5) in the built widget on the demo account:
 * one stage's histogram of time in stage with its threshold, the time to close by month, and the
 * matrix of moves, each equal to `funnel-lens report --distributions` over the page's own window
 * and instant (its data-from/to/now), on the same sandbox data.
 */
import type { Locator, Page } from 'playwright-core';
import { PIPELINE_IDS, STATUS_IDS } from '../../../sandbox/demo';
import type { FunnelReport, TransitionPlace } from '../../../src/core';
import { saveScreenshot, useSandboxBrowser, waitForPageReady } from '../helpers';
import type { PanelWindow } from './support';
import { cliDump, cliReportFrom } from './support';

const MAIN = PIPELINE_IDS.main;
/** Отправлено КП: the demo's deals wait there longest, so its histogram has a long tail. */
const PROPOSAL = STATUS_IDS.main.open[3];

const squash = (text: string | null): string => (text ?? '').replace(/\s/g, '');
const digits = (text: string | null): number => Number((text ?? '').replace(/[^\d]/g, ''));
/** Days as the Russian UI writes them: '2,5 дн.' (ui/format.ts `days`), without spaces. */
const ruDays = (hours: number | null): string =>
  hours === null
    ? '—'
    : squash(
        `${new Intl.NumberFormat('ru-RU', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(hours / 24)} дн.`,
      );

async function reportWindow(page: Page): Promise<PanelWindow> {
  const read = (name: string) => page.locator('.fl-report--page').getAttribute(name);
  const optional = async (name: string) => {
    const text = await read(name);
    return text === null ? null : Number(text);
  };
  return {
    from: Number(await read('data-from')),
    to: Number(await read('data-to')),
    now: Number(await read('data-now')),
    historyFrom: await optional('data-history-from'),
    horizonDays: await optional('data-horizon-days'),
    sideStages: await read('data-side-stages'),
  };
}

/** Until the section's charts have drawn (Chart.js animates in), so a screenshot shows them. */
async function chartsDrawn(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const blank = document.createElement('canvas');
      blank.width = 10;
      blank.height = 10;
      const empty = blank.toDataURL().length;
      const section = document.querySelector('section[aria-labelledby="fl-report-distributions"]');
      return [...(section?.querySelectorAll('canvas') ?? [])].every(
        c => c.toDataURL().length > empty * 3,
      );
    },
    undefined,
    { timeout: 15_000 },
  );
  // The last frame of the animation, not one on the way.
  await page.waitForTimeout(1000);
}

/** A table's body as cell texts, whitespace removed. */
function bodyOf(table: Locator): Promise<string[][]> {
  return table
    .locator('tbody tr')
    .evaluateAll(trs => trs.map(tr => [...tr.children].map(c => c.textContent.replace(/\s/g, ''))));
}

const samePlace = (a: TransitionPlace, b: TransitionPlace) =>
  a.kind === b.kind && a.stageId === b.stageId;

describe('distributions on the report page (metrics.md F.5)', () => {
  const env = useSandboxBrowser({ leads: 3000 });
  jest.setTimeout(300_000);

  it('shows the histogram, time to close and moves exactly as funnel-lens report --distributions', async () => {
    // The panel says when the whole history is in; the report page then reads it from the same
    // browser's cache, so its numbers rest on all of it (not on the first window's backfill).
    const { page } = await env.open(`/leads/list/pipeline/${MAIN}/`, { kind: 'list' });
    await page.waitForSelector('.fl-panel[data-phase="complete"]', { timeout: 90_000 });
    await page.goto(`/settings/widgets/${env.sandbox.widgetCode}/`);
    await waitForPageReady(page, 'advanced');
    const section = 'section[aria-labelledby="fl-report-distributions"]';
    await page.waitForSelector(`${section} table`, { timeout: 90_000 });
    await page.waitForFunction(
      () => document.querySelector('.fl-report-root .fl-progress') === null,
      undefined,
      { timeout: 90_000 },
    );
    const window = await reportWindow(page);
    const cli: FunnelReport = await cliReportFrom(
      await cliDump(env.sandbox.url, MAIN),
      MAIN,
      window,
      ['--distributions'],
    );
    const dist = cli.distributions!;
    expect(dist).toBeDefined();

    // (a) One stage's histogram: the chooser picks it; counts per bin, the threshold, the tail.
    const stage = dist.stages.find(s => s.stageId === PROPOSAL)!;
    expect(stage.samples).toBeGreaterThan(0);
    const histogram = page.locator(`${section} .fl-dist`).first();
    await histogram.getByLabel('Этап', { exact: true }).selectOption(String(PROPOSAL));
    await page.waitForFunction(
      ([sel, name]) =>
        document.querySelector(`${sel} .fl-dist table caption`)?.textContent.includes(name) ===
        true,
      [section, 'Отправлено КП'] as const,
    );
    const bins = await bodyOf(histogram.locator('table'));
    expect(bins.map(cells => digits(cells[1] ?? ''))).toEqual(stage.counts);
    expect(squash(await histogram.locator('.fl-dist__threshold strong').textContent())).toBe(
      squash(`порог: ${ruDays(stage.thresholdHours)}`),
    );
    expect(squash(await histogram.locator('.fl-dist__threshold').textContent())).toContain(
      squash(`Дольше порога: ${stage.overThreshold} из ${stage.samples}`),
    );
    // The threshold's bin is marked, and it and every longer bin are drawn as past it.
    const marked = await histogram
      .locator('tbody tr')
      .evaluateAll(trs => trs.map(tr => tr.querySelector('.fl-badge') !== null));
    expect(marked.indexOf(true)).toBe(stage.thresholdBin);

    // (b) Time to close by month: count, median and p90 of won and lost.
    const months = await bodyOf(page.locator(`${section} .fl-dist`).nth(1).locator('table'));
    expect(months.map(cells => cells.slice(1))).toEqual(
      dist.timeToClose.months.map(m => [
        String(m.won.samples),
        ruDays(m.won.medianHours),
        ruDays(m.won.p90Hours),
        String(m.lost.samples),
        ruDays(m.lost.medianHours),
        ruDays(m.lost.p90Hours),
      ]),
    );
    expect(dist.timeToClose.months.length).toBeGreaterThan(0);

    // (c) The moves: the total in the intro, and every row the table shows (places no move
    // touched are left out of the table, not of the CLI's matrix).
    const moves = page.locator(`${section} .fl-dist`).nth(2);
    expect(squash(await moves.locator('.fl-report__lead').textContent())).toContain(
      squash(`Всего переходов: ${new Intl.NumberFormat('ru-RU').format(dist.transitions.total)}`),
    );
    const { places, counts } = dist.transitions;
    const rowSum = (r: number) => (counts[r] ?? []).reduce((a, b) => a + b, 0);
    const colSum = (c: number) => counts.reduce((a, row) => a + (row[c] ?? 0), 0);
    const targets = places.flatMap((_, c) => (colSum(c) > 0 ? [c] : []));
    const expected = places.flatMap((_, r) =>
      rowSum(r) > 0 ? [[...targets.map(c => counts[r]?.[c] ?? 0), rowSum(r)]] : [],
    );
    const shown = await bodyOf(moves.locator('table'));
    expect(shown.map(cells => cells.slice(1).map(digits))).toEqual(expected);
    expect(expected.reduce((a, row) => a + (row.at(-1) ?? 0), 0)).toBe(dist.transitions.total);
    // A few cells by name: Взяли в работу → Квалифицирован and the moves back from КП.
    const at = (kind: TransitionPlace['kind'], stageId: number | null) =>
      places.findIndex(p => samePlace(p, { kind, stageId }));
    const taken = at('stage', STATUS_IDS.main.open[1]);
    const qualified = at('stage', STATUS_IDS.main.open[2]);
    const proposal = at('stage', PROPOSAL);
    expect(counts[taken]?.[qualified]).toBeGreaterThan(0);
    const cell = async (from: string, toIndex: number) => {
      const row = moves.locator('tbody tr', { has: page.locator(`th:text-is("${from}")`) });
      return digits(await row.locator('td').nth(targets.indexOf(toIndex)).textContent());
    };
    expect(await cell('Взяли в работу', qualified)).toBe(counts[taken]?.[qualified]);
    expect(await cell('Отправлено КП', qualified)).toBe(counts[proposal]?.[qualified] ?? 0);

    await page.evaluate(
      sel => document.querySelector(`${sel} .fl-dist`)?.scrollIntoView(),
      section,
    );
    await chartsDrawn(page);
    await saveScreenshot(page, 'report-histogram');
    await page.evaluate(
      sel => document.querySelectorAll(`${sel} .fl-dist`)[2]?.scrollIntoView(),
      section,
    );
    await saveScreenshot(page, 'report-moves-matrix');
  });
});
