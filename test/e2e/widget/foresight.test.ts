/**
 * Issue 13 in the built widget on the demo account: the significant change the demo plants
 * (Взяли в работу → Квалифицирован, sandbox/demo/README.md) flagged on the panel and in the
 * report, the forecast's range, and durations in working hours once an admin set a working week,
 * with "stuck" then judged on the working clock (metrics.md F.1a).
 * Every number equals `funnel-lens report` over the same data, window and options. The demo's
 * "today" is the real one, as in the other widget tests: the planted drop is flagged whatever the
 * day (p < 0.001 at the default size), while an unchanged transition may be flagged by chance about one
 * time in twenty at 95 %, so the panel is held to the CLI's whole list, whatever it holds
 * (test/unit/sandbox/demo.drop.test.ts pins a day where the drop is the only one).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { PIPELINE_IDS, STATUS_IDS } from '../../../sandbox/demo';
import type { FunnelReport } from '../../../src/core';
import { saveScreenshot, useSandboxBrowser, waitForPageReady } from '../helpers';
import type { PanelWindow } from './support';
import {
  cliDump,
  cliReportFrom,
  panelRows,
  panelWindow,
  ruPercent,
  waitForFunnel,
} from './support';

const MAIN = PIPELINE_IDS.main;
const [, TAKEN, QUALIFIED] = STATUS_IDS.main.open;
const LIST = `/leads/list/pipeline/${MAIN}/`;
const AT = { kind: 'list' as const };
/** What the settings form saves for Mon–Fri 09:00–18:00 in the account's zone, one holiday. */
const WEEK = {
  days: [1, 2, 3, 4, 5],
  hours: [{ from: 540, to: 1080 }],
  timeZone: 'Europe/Moscow',
  holidays: ['2026-11-04'],
};

const squash = (text: string | null): string => (text ?? '').replace(/\s/g, '');
const digits = (text: string | null): number => Number((text ?? '').replace(/[^\d]/g, ''));
/** The panel's working hours as the Russian UI writes them: '12,5 раб. ч' (ui/common/workingText). */
const ruWorking = (hours: number | null): string =>
  hours === null
    ? '—'
    : squash(
        `${new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 1 }).format(hours)} раб. ч`,
      );

/** The flagged transitions as [from, to, direction]. */
const flaggedOf = (report: FunnelReport) =>
  (report.alerts?.transitions ?? [])
    .filter(x => x.change?.flagged)
    .map(x => [x.fromStageId, x.toStageId, x.change?.direction]);

/** Until every chart of the report has drawn (Chart.js animates in): a screenshot shows them. */
async function chartsDrawn(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const blank = document.createElement('canvas');
      blank.width = 10;
      blank.height = 10;
      const empty = blank.toDataURL().length;
      return [...document.querySelectorAll('.fl-report-root canvas')].every(
        c => (c as HTMLCanvasElement).toDataURL().length > empty * 3,
      );
    },
    undefined,
    { timeout: 15_000 },
  );
  // The last frame of the animation, not one on the way.
  await page.waitForTimeout(1000);
}

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

describe('foresight in the panel and the report (issue 13)', () => {
  // The default demo's size (`npm start`): enough deals a month for the drop to stand out.
  const env = useSandboxBrowser({ leads: 3000 });
  jest.setTimeout(300_000);
  let dump: string | null = null;
  /** One `funnel-lens sync` for the file, after the panel's own backfill is done. */
  const data = async (page: Page): Promise<string> => {
    if (dump) return dump;
    // The panel says when its backfill is done; the CLI's sync must not share the limit with it.
    if ((await page.locator('.fl-panel').count()) > 0)
      await page.waitForSelector('.fl-panel[data-phase="complete"]', { timeout: 90_000 });
    dump = await cliDump(env.sandbox.url, MAIN);
    return dump;
  };

  it('flags the planted drop on the panel exactly as funnel-lens report --alerts does', async () => {
    const { page } = await env.open(LIST, AT);
    await waitForFunnel(page);
    const dir = await data(page);
    const window = await panelWindow(page);
    const cli = await cliReportFrom(dir, MAIN, window, ['--alerts']);
    expect(flaggedOf(cli)).toContainEqual([TAKEN, QUALIFIED, 'down']);

    const shown = await page.$$eval('.fl-panel .fl-funnel li.fl-row[data-stage-id]', rows =>
      rows.map(row => {
        const badge = row.querySelector('.fl-alert');
        return {
          id: Number(row.getAttribute('data-stage-id')),
          alert: badge ? (badge.classList.contains('fl-alert--down') ? 'down' : 'up') : null,
        };
      }),
    );
    expect(shown).toEqual(
      cli.alerts!.transitions.map(x => ({
        id: x.fromStageId,
        alert: x.change?.flagged ? x.change.direction : null,
      })),
    );
    const change = cli.alerts!.transitions.find(x => x.fromStageId === TAKEN)!;
    const badge = page.locator(`li.fl-row[data-stage-id="${TAKEN}"] .fl-alert`);
    await expect(badge.textContent()).resolves.toBe('↓ значимо');
    const hint = squash(
      await page
        .locator(`li.fl-row[data-stage-id="${TAKEN}"] .fl-row__decided .fl-hint__tip`)
        .last()
        .textContent(),
    );
    expect(hint).toContain(
      squash(`${ruPercent(change.change!.rate)}(${change.current.k}из${change.current.n})`),
    );
    expect(hint).toContain(
      squash(
        `${ruPercent(change.change!.baselineRate)}(${change.baseline.k}из${change.baseline.n})`,
      ),
    );
    await badge.scrollIntoViewIfNeeded();
    await badge.hover();
    await saveScreenshot(page, 'panel-alert');
  });

  it('shows the alerts and the forecast range on the report page as the CLI gives them', async () => {
    // The panel says when the whole history is in; the report page then reads it from the same
    // browser's cache, so its window and thresholds do not move while the test reads them.
    const { page } = await env.open(LIST, AT);
    await page.waitForSelector('.fl-panel[data-phase="complete"]', { timeout: 90_000 });
    await page.goto(`/settings/widgets/${env.sandbox.widgetCode}/`);
    await waitForPageReady(page, 'advanced');
    await page.waitForSelector('.fl-report-root table', { timeout: 90_000 });
    await page.waitForFunction(
      () => document.querySelector('.fl-report-root .fl-progress') === null,
      undefined,
      { timeout: 90_000 },
    );
    const dir = await data(page);
    const window = await reportWindow(page);
    const cli = await cliReportFrom(dir, MAIN, window, ['--alerts', '--forecast-days', '30,90']);
    expect(flaggedOf(cli)).toContainEqual([TAKEN, QUALIFIED, 'down']);

    const alerts = page.locator('section[aria-labelledby="fl-report-alerts"]');
    const rows = await alerts.locator('tbody tr').evaluateAll(trs =>
      trs.map(tr => ({
        flagged: tr.classList.contains('fl-alert-row--down')
          ? 'down'
          : tr.classList.contains('fl-alert-row--up')
            ? 'up'
            : null,
        cells: [...tr.children].map(c => c.textContent.replace(/\s/g, '')),
      })),
    );
    // Flagged first, then the rest, each in funnel order (AlertsSection's order).
    const transitions = cli.alerts!.transitions;
    const order = [
      ...transitions.filter(x => x.change?.flagged),
      ...transitions.filter(x => !x.change?.flagged),
    ];
    expect(rows.map(r => r.flagged)).toEqual(
      order.map(x => (x.change?.flagged ? x.change.direction : null)),
    );
    expect(rows.map(r => r.cells.slice(1, 5))).toEqual(
      order.map(x => [
        `${x.current.k}из${x.current.n}`,
        ruPercent(x.current.n > 0 ? x.current.k / x.current.n : null),
        `${x.baseline.k}из${x.baseline.n}`,
        ruPercent(x.baseline.n > 0 ? x.baseline.k / x.baseline.n : null),
      ]),
    );
    await page.evaluate(() =>
      document.querySelector('section[aria-labelledby="fl-report-alerts"]')?.scrollIntoView(),
    );
    await chartsDrawn(page);
    await saveScreenshot(page, 'report-alerts');

    const forecast = page.locator('section[aria-labelledby="fl-report-forecast"]');
    const range = forecast.locator('table', { hasText: 'Горизонт' });
    const horizons = await range
      .locator('tbody tr')
      .evaluateAll(trs => trs.map(tr => [...tr.children].map(c => c.textContent)));
    expect(horizons.map(cells => cells.slice(1).map(c => Number(c.replace(/[^\d]/g, ''))))).toEqual(
      cli.forecastRange!.horizons.map(h => [
        h.deals,
        Math.round(h.expectedWins),
        h.winsLow,
        h.winsHigh,
        Math.round(h.expectedRevenue),
        Math.round(h.revenueLow),
        Math.round(h.revenueHigh),
      ]),
    );
    expect(horizons.map(cells => digits(cells[0] ?? ''))).toEqual([30, 90]);
    await page.evaluate(() =>
      document
        .querySelector('section[aria-labelledby="fl-report-forecast"] table:last-of-type')
        ?.scrollIntoView({ block: 'center' }),
    );
    await saveScreenshot(page, 'report-forecast');
  });

  it('shows working hours and stuck on the working clock, equal to --working-time --stuck-clock working', async () => {
    // The admin sets the week in the settings modal: Mon–Fri 09:00–18:00 (the defaults), a holiday.
    const { page } = await env.open('/settings/widgets/', {
      kind: 'integrations',
    });
    await page.locator(`.widget-tile[data-code="${env.sandbox.widgetCode}"]`).click();
    const modal = page.locator('.widget-settings');
    await modal.locator('.fl-settings').waitFor({ timeout: 30_000 });
    await modal.getByRole('checkbox', { name: 'Задать рабочую неделю' }).check();
    await modal.getByLabel('Праздники и нерабочие дни').fill('2026-11-04');
    await modal.locator('.js-widget-save').click();
    await page.waitForFunction(() => document.querySelector('.widget-settings') === null);
    const stored = env.sandbox.settings.get(env.sandbox.widgetCode).fields.config;
    expect(typeof stored === 'string' ? JSON.parse(stored) : stored).toMatchObject({
      workingWeek: WEEK,
    });

    await page.goto(LIST);
    await waitForFunnel(page);
    const toggle = page.getByRole('checkbox', { name: 'Рабочее время' });
    await expect(toggle.isChecked()).resolves.toBe(false);
    await toggle.check();
    await page.waitForFunction(
      () =>
        document.querySelector('.fl-panel .fl-row__time .fl-num')?.textContent.includes('раб.') ===
        true,
      undefined,
      { timeout: 30_000 },
    );
    const dir = await data(page);
    const file = join(mkdtempSync(join(tmpdir(), 'funnel-lens-week-')), 'week.json');
    writeFileSync(file, JSON.stringify(WEEK));
    const window = await panelWindow(page);
    const cli = await cliReportFrom(dir, MAIN, window, [
      '--working-time',
      file,
      '--stuck-clock',
      'working',
    ]);
    expect(cli.options.stuckClock).toBe('working');

    const times = await page.$$eval('.fl-panel .fl-funnel li.fl-row[data-stage-id]', rows =>
      rows.map(row =>
        (row.querySelector('.fl-row__time .fl-num')?.textContent ?? '').replace(/\s/g, ''),
      ),
    );
    expect(times).toEqual(cli.stages.map(s => ruWorking(s.workingTime?.medianHours ?? null)));
    // Each stage's stuck deals, judged in working hours against working thresholds (F.1a).
    const rows = await panelRows(page);
    expect(rows.map(r => r.stageId)).toEqual(cli.stages.map(s => s.id));
    expect(rows.map(r => r.stuck)).toEqual(cli.stages.map(s => s.stuck));
    // The CLI judged them against working thresholds, which it reports per stage.
    expect(cli.stages.every(s => typeof s.stuckThresholdWorkingHours === 'number')).toBe(true);
    const firstStuck = page.locator('.fl-panel .fl-row__stuck .fl-hint').first();
    if ((await firstStuck.count()) > 0) {
      await firstStuck.scrollIntoViewIfNeeded();
      await firstStuck.hover();
      await expect(
        page.locator('.fl-panel .fl-row__stuck .fl-hint__tip').first().textContent(),
      ).resolves.toContain('Порог «завис» — в рабочих часах');
    }
    const response = squash(await page.locator('.fl-incoming dd .fl-num').last().textContent());
    const w = cli.workingResponse!;
    expect(response).toBe(
      squash(`медиана ${ruWorking(w.medianHours)}, 9 из 10 — быстрее ${ruWorking(w.p90Hours)}`),
    );
    const first = page.locator('.fl-panel .fl-row__time .fl-hint').first();
    await first.scrollIntoViewIfNeeded();
    await first.hover();
    await expect(
      page.locator('.fl-panel .fl-row__time .fl-hint__tip').first().textContent(),
    ).resolves.toContain('В рабочих часах');
    await saveScreenshot(page, 'panel-working-hours');
  });
});
