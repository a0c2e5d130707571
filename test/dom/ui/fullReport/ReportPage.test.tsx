import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import type { FunnelInput, FunnelReport } from '../../../../src/core';
import { toCsv, wilsonInterval } from '../../../../src/core';
import type { Lang } from '../../../../src/i18n';
import { DEFAULT_SETTINGS } from '../../../../src/state';
import { adviceFor } from '../../../../src/ui/advice';
import { weakestIndex } from '../../../../src/ui/chart';
import type { UiEnv } from '../../../../src/ui/env';
import { ReportPage } from '../../../../src/ui/fullReport';
import { DEMO_NOW, PIPELINE_IDS } from '../../../support/demo';
import { testEnv, WithEnv } from '../../../support/env';
import type { Demo, Models } from './demoModels';
import { dataModels, demo, reportModel, until } from './demoModels';
import { chartFor, fakeCharts } from './fakeCharts';

const HOSTILE = '<img src=x onerror=alert(1)>';

beforeEach(() => {
  jest.useFakeTimers({ now: DEMO_NOW * 1000 });
});
afterEach(() => {
  cleanup();
  jest.useRealTimers();
});

interface Mounted {
  readonly models: Models;
  readonly report: ReturnType<typeof reportModel>;
  readonly charts: ReturnType<typeof fakeCharts>;
  readonly downloads: { name: string; text: string }[];
  readonly pipelineChanges: number[];
  readonly env: UiEnv & { navigated: string[] };
  readonly view: ReturnType<typeof render>;
  readonly shown: () => FunnelReport;
}

async function mount(
  opts: {
    lang?: Lang;
    edit?: (input: FunnelInput) => FunnelInput;
    managerName?: string;
    minSample?: number;
  } = {},
): Promise<Mounted> {
  const d: Demo = demo(opts.edit);
  const settings = {
    ...DEFAULT_SETTINGS,
    ...(opts.minSample ? { minSample: opts.minSample } : {}),
  };
  const models = dataModels(d, { settings });
  const report = reportModel(models, { trend: 'month' });
  const charts = fakeCharts();
  const downloads: { name: string; text: string }[] = [];
  const pipelineChanges: number[] = [];
  const managers = opts.managerName
    ? d.managers.map(m => ({ ...m, name: opts.managerName ?? m.name }))
    : d.managers;
  const env = testEnv({ lang: opts.lang ?? 'ru', managers });
  const view = render(
    <WithEnv env={env}>
      <ReportPage
        data={models.data}
        report={report}
        pipelines={d.pipelines.map(p => ({ id: p.id, name: p.name }))}
        pipelineId={PIPELINE_IDS.main}
        onPipelineChange={id => pipelineChanges.push(id)}
        createChart={charts.create}
        download={(name, text) => downloads.push({ name, text })}
      />
    </WithEnv>,
  );
  await until(() => report.state.value.status === 'ok', 'the report');
  const shown = (): FunnelReport => {
    const r = report.report.value;
    if (!r) throw new Error('no report');
    return r;
  };
  return { models, report, charts, downloads, pipelineChanges, env, view, shown };
}

function finish(m: Mounted): void {
  m.view.unmount();
  m.report[Symbol.dispose]();
  m.models.dispose();
}

/** Body rows of a table as the text of their cells (row header first). */
function bodyCells(table: HTMLElement): string[][] {
  return [...table.querySelectorAll('tbody tr')].map(tr =>
    [...tr.querySelectorAll('th, td')].map(c => c.textContent),
  );
}

describe('ReportPage', () => {
  it('shows the funnel table and chart with exactly the engine report', async () => {
    const m = await mount();
    const r = m.shown();
    const { fmt, t } = m.env;
    const table = screen.getByRole('table', { name: 'Сделки периода по этапам воронки' });
    const rows = bodyCells(table);
    r.stages.forEach((s, i) => {
      expect(rows[i]?.slice(1)).toEqual([
        fmt.int(s.reached),
        fmt.int(s.current),
        fmt.int(s.skipped),
        fmt.int(s.undecided),
        fmt.int(s.lostHere),
        fmt.percent(s.conversionToNext),
        fmt.percent(s.decidedConversion),
        fmt.percent(s.conversionToWon),
        s.unattended === null ? '?' : fmt.int(s.unattended),
      ]);
    });
    expect(rows[r.stages.length]?.[1]).toBe(fmt.int(r.won.reached));

    const weak = weakestIndex(r);
    expect(weak).toBeGreaterThanOrEqual(0);
    const weakRow = table.querySelectorAll('tbody tr')[weak]!;
    expect(weakRow.className).toContain('fl-row--weak');
    expect(within(weakRow as HTMLElement).getByText('слабое звено')).toBeTruthy();
    expect(screen.getByText(t(adviceFor(weak, r.stages.length)))).toBeTruthy();

    const chart = chartFor(m.charts.made, 'Воронка');
    expect(chart.config.data.datasets[0]?.data).toEqual([
      ...r.stages.map(s => s.reached),
      r.won.reached,
    ]);
    expect(chart.canvas.getAttribute('role')).toBe('img');
    finish(m);
  });

  it('leads with the weakest link and shows a 90 % Wilson interval under every conversion', async () => {
    const m = await mount();
    const r = m.shown();
    const { fmt, t } = m.env;
    // The answer first: the weakest link is the first section, above the summary.
    const sections = [...document.querySelectorAll('section.fl-report__section')];
    expect(sections[0]?.getAttribute('aria-labelledby')).toBe('fl-report-weakest');
    const weak = weakestIndex(r);
    expect(
      within(sections[0] as HTMLElement).getByText(t(adviceFor(weak, r.stages.length))),
    ).toBeTruthy();
    expect(sections[0]?.textContent).toContain(fmt.percent(r.weakestTransition!.decidedConversion));

    const range = (k: number, n: number) => {
      const ci = wilsonInterval(k, n);
      return ci
        ? t('fl.report.interval', { low: fmt.percent(ci.low), high: fmt.percent(ci.high) })
        : null;
    };
    const table = screen.getByRole('table', { name: 'Сделки периода по этапам воронки' });
    const trs = [...table.querySelectorAll('tbody tr')];
    r.stages.forEach((s, i) => {
      const next = r.stages[i + 1]?.reached ?? r.won.reached;
      const shares = [...trs[i]!.querySelectorAll('.fl-share')];
      expect(shares.map(e => e.getAttribute('data-ci'))).toEqual([
        range(next, s.reached),
        range(next, s.reached - s.undecided),
        range(r.won.reached, s.reached),
      ]);
    });
    // 1 of 1 is not "100 %" alone: its interval runs from 27 %.
    expect(range(1, 1)).toBe('27\u00a0% – 100\u00a0%');
    const headers = [...table.querySelectorAll('thead th')].map(th => th.textContent);
    expect(headers.filter(h => h.includes(t('fl.report.hint.interval')))).toHaveLength(3);

    const managers = screen.getByRole('table', { name: t('fl.report.managers.caption') });
    const first = r.managers[0]!;
    const row = managers.querySelector('tbody tr')!;
    const cis = [...row.querySelectorAll('.fl-share')].map(e => e.getAttribute('data-ci'));
    expect(cis[0]).toBe(range(first.won, first.won + first.lost));
    expect(cis.slice(1)).toEqual(
      first.reached.slice(0, -1).map((here, i) => range(first.reached[i + 1]!, here)),
    );

    // The summary's conversions — now, at the same age, today — carry theirs too …
    const summary = document.querySelector('section[aria-labelledby="fl-report-summary"] table');
    // Only the conversion's row holds shares.
    const conversionRow = summary?.querySelector('tbody tr:has(.fl-share)');
    const sa = r.previous.sameAge;
    expect(
      [...(conversionRow?.querySelectorAll('.fl-share') ?? [])].map(e => e.getAttribute('data-ci')),
    ).toEqual([
      range(r.totals.won, r.stages[0]!.reached),
      range(sa.totals.won, sa.stages[0]!.reached),
      range(r.previous.totals.won, r.previous.stages[0]!.reached),
    ]);
    // … and so do the trend's and the previous period's.
    const trend = document.querySelector(
      '#fl-report-trend table, section[aria-labelledby="fl-report-trend"] table',
    );
    const bucketCis = [...(trend?.querySelectorAll('tbody tr') ?? [])].map(tr =>
      tr.querySelector('.fl-share')?.getAttribute('data-ci'),
    );
    expect(bucketCis).toEqual(
      r.trend!.map(b => range(b.totals.won, b.reached[0] ?? 0) ?? undefined),
    );
    const previous = document.querySelector('section[aria-labelledby="fl-report-previous"] table');
    const prevRows = [...(previous?.querySelectorAll('tbody tr') ?? [])];
    r.stages.forEach((s, i) => {
      const then = r.previous.sameAge.stages[i]!;
      const cis = [...prevRows[i]!.querySelectorAll('.fl-share')].map(e =>
        e.getAttribute('data-ci'),
      );
      const n = s.reached - s.undecided;
      const thenN = then.reached - then.undecided;
      expect(cis).toEqual([
        range(Math.round((s.decidedConversion ?? 0) * n), n),
        range(Math.round((then.decidedConversion ?? 0) * thenN), thenN),
      ]);
    });
    finish(m);
  });

  it('explains every number in its header cell', async () => {
    const m = await mount();
    const tables = screen.getAllByRole('table');
    // With the significant changes and the forecast range (metrics.md F.4), and the histogram,
    // the time to close and the moves of the distributions (F.5).
    expect(tables.length).toBe(16);
    for (const table of tables) {
      const numeric = [...table.querySelectorAll('thead th.fl-num')];
      expect(numeric.length).toBeGreaterThan(0);
      for (const th of numeric)
        expect(th.querySelector('[role="tooltip"]')?.textContent).toBeTruthy();
      for (const th of table.querySelectorAll('th'))
        expect(['col', 'row']).toContain(th.getAttribute('scope'));
    }
    finish(m);
  });

  it('shows totals, time in stage, trend, loss reasons, forecast and skips as the report has them', async () => {
    const m = await mount();
    const r = m.shown();
    const { fmt } = m.env;
    const summary = bodyCells(screen.getByRole('table', { name: /^Итоги сделок, созданных/ }));
    // Now, the previous period at the same age (metrics.md 11.2), the change against it, and the
    // previous period as it stands today.
    const then = r.previous.sameAge.totals;
    expect(summary[0]?.slice(1)).toEqual([
      fmt.int(r.totals.deals),
      fmt.int(then.deals),
      (r.totals.deals > then.deals ? '+' : '') + fmt.int(r.totals.deals - then.deals),
      fmt.int(r.previous.totals.deals),
    ]);
    expect(summary[5]?.slice(1)).toEqual([
      fmt.percent(r.totals.conversion),
      fmt.percent(then.conversion),
      fmt.points(r.totals.conversion! - then.conversion!),
      fmt.percent(r.previous.totals.conversion),
    ]);
    // Incoming has no same-age figure: no change is made up for it.
    expect(summary[4]?.slice(1, 3)).toEqual([fmt.int(r.totals.incoming), '—']);

    const time = bodyCells(screen.getByRole('table', { name: 'Время на этапах и пороги «завис»' }));
    r.stages.forEach((s, i) => {
      expect(time[i]?.slice(1, 6)).toEqual([
        fmt.days(s.time.medianHours),
        fmt.days(s.time.p90Hours),
        fmt.days(s.time.openMedianHours),
        fmt.int(s.time.samples),
        fmt.days(s.stuckThresholdHours),
      ]);
      expect(time[i]?.[7]).toBe(fmt.int(s.stuck));
    });
    const timeChart = chartFor(m.charts.made, 'Время на этапе');
    expect(timeChart.config.data.datasets[1]?.data).toEqual(
      r.stages.map(s => (s.time.p90Hours === null ? null : s.time.p90Hours / 24)),
    );

    const buckets = r.trend ?? [];
    expect(buckets.length).toBeGreaterThan(2);
    const trend = bodyCells(
      screen.getByRole('table', { name: 'Конверсия сделок, созданных в каждом отрезке периода' }),
    );
    expect(trend.map(row => row[5])).toEqual(buckets.map(b => fmt.int(b.totals.open)));
    // A bucket whose deals are mostly still open is marked too young to compare.
    expect(trend.map(row => row[6])).toEqual(
      buckets.map(b =>
        b.totals.open * 2 > b.totals.deals
          ? `${fmt.percent(b.totals.conversion)} · ${m.env.t('fl.report.trend.young')}`
          : fmt.percent(b.totals.conversion),
      ),
    );
    expect(trend.map(row => row[1])).toEqual(buckets.map(b => fmt.int(b.totals.deals)));
    const trendChart = chartFor(m.charts.made, 'Конверсия по периодам');
    expect(trendChart.config.data.datasets[0]?.data).toEqual(buckets.map(b => b.totals.conversion));
    expect(trendChart.config.data.datasets[1]?.data).toEqual(buckets.map(b => b.totals.deals));

    expect(r.lossReasons.length).toBeGreaterThan(1);
    const loss = bodyCells(screen.getByRole('table', { name: /^Проигранные сделки периода/ }));
    r.lossReasons.forEach((reason, i) => {
      expect(loss[i]?.slice(1)).toEqual([
        ...r.stages.map(s => fmt.int(reason.byStage[String(s.id)] ?? 0)),
        fmt.int(reason.count),
      ]);
    });
    const noReason = r.lossReasons.findIndex(x => x.reasonId === null);
    if (noReason >= 0) expect(loss[noReason]?.[0]).toBe('Без причины');
    const lossChart = chartFor(m.charts.made, 'Причины отказа');
    expect(lossChart.config.data.datasets.map(ds => ds.label)).toEqual(r.stages.map(s => s.name));

    const flow = bodyCells(screen.getByRole('table', { name: /^Пропущенные этапы/ }));
    expect(flow.map(row => row.slice(1))).toEqual(
      r.stages.map(s => [fmt.int(s.skipped), fmt.int(s.movedBack)]),
    );

    const forecast = bodyCells(
      screen.getByRole('table', { name: /^Вероятность успеха по этапам/ }),
    );
    expect(forecast.map(row => row.slice(1))).toEqual(
      r.stages.map((s, i) => [
        fmt.percent(r.forecast.probabilities[i]!.p),
        fmt.int(s.now.count),
        fmt.money(s.now.value),
      ]),
    );
    // The page asks for horizons, so the expectation without a time frame is not shown: the
    // summary gives the longest horizon's instead (Foresight.test.tsx has the rest).
    expect(screen.queryByText(/^Ожидается по сделкам/)).toBeNull();
    const within90 = r.forecastRange!.horizons.find(h => h.horizonDays === 90)!;
    expect(summary.slice(-2).map(row => row.slice(1))).toEqual([
      [fmt.int(within90.expectedWins), '—', '—', '—'],
      [fmt.money(within90.expectedRevenue), '—', '—', '—'],
    ]);
    expect(m.env.t('fl.metric.forecast')).toContain('Срок не оценивается');

    const incoming = bodyCells(
      screen.getByRole('table', { name: m.env.t('fl.report.incoming.caption') }),
    );
    const rows = [...(r.trend ?? []), { ...r.period, incoming: r.incoming, response: r.response }];
    expect(incoming).toHaveLength(rows.length);
    rows.forEach((b, i) => {
      const q = b.incoming;
      expect(incoming[i]?.slice(1)).toEqual([
        fmt.int(q.entered),
        fmt.int(q.accepted),
        fmt.int(q.declined),
        fmt.int(q.waiting),
        q.entered === 0 ? '—' : fmt.percent((q.declined + q.waiting) / q.entered),
        fmt.hours(b.response.medianHours),
        fmt.hours(b.response.p90Hours),
        fmt.int(b.response.waiting),
      ]);
    });
    expect(incoming.at(-1)?.[0]).toBe(m.env.t('fl.report.incoming.total'));
    expect(r.incoming.entered).toBeGreaterThan(0);

    const previous = bodyCells(
      screen.getByRole('table', {
        name: /^Этапы: текущий период и предыдущий .* в том же возрасте — каким он был на /,
      }),
    );
    r.stages.forEach((s, i) => {
      const then = r.previous.sameAge.stages[i]!;
      expect(previous[i]?.slice(1)).toEqual([
        fmt.int(s.reached),
        fmt.int(then.reached),
        (s.reached > then.reached ? '+' : '') + fmt.int(s.reached - then.reached),
        fmt.int(s.undecided),
        fmt.int(then.undecided),
        fmt.percent(s.decidedConversion),
        fmt.percent(then.decidedConversion),
        s.decidedConversion === null || then.decidedConversion === null
          ? '—'
          : fmt.points(s.decidedConversion - then.decidedConversion),
      ]);
    });
    finish(m);
  });

  it('downloads a table as CSV with the unrounded numbers', async () => {
    const m = await mount();
    const r = m.shown();
    const { t } = m.env;
    fireEvent.click(
      screen.getByRole('button', { name: 'Скачать CSV: Сделки периода по этапам воронки' }),
    );
    expect(m.downloads).toHaveLength(1);
    expect(m.downloads[0]?.name).toBe(`funnel-lens-${PIPELINE_IDS.main}-funnel.csv`);
    const header = (
      [
        'stage',
        'reached',
        'current',
        'skipped',
        'undecided',
        'lostHere',
        'toNext',
        'decided',
        'toWon',
      ] as const
    ).map(k => t(`fl.report.col.${k}`));
    header.push(t('fl.report.col.unattended'));
    const expected = toCsv(header, [
      ...r.stages.map(s => [
        s.name,
        s.reached,
        s.current,
        s.skipped,
        s.undecided,
        s.lostHere,
        s.conversionToNext,
        s.decidedConversion,
        s.conversionToWon,
        s.unattended,
      ]),
      [t('fl.report.wonRow'), r.won.reached, null, null, null, null, null, null, null, null],
    ]);
    expect(m.downloads[0]?.text).toBe(expected);

    fireEvent.click(screen.getByRole('button', { name: /^Скачать CSV: Зависшие сделки/ }));
    const stuck = m.downloads[1]!.text.split('\r\n').filter(Boolean);
    expect(stuck).toHaveLength(r.stuck.length + 1);
    expect(stuck[1]?.split(',').at(-2)).toBe(String(r.stuck[0]?.price));
    finish(m);
  });

  it('flags managers below the minimum sample and shows their conversion from reached', async () => {
    const probe = await mount();
    const deals = probe
      .shown()
      .managers.map(x => x.deals)
      .sort((a, b) => a - b);
    const min = deals[Math.floor(deals.length / 2)]!;
    finish(probe);
    const m = await mount({ minSample: min });
    await until(
      () => m.report.state.value.status === 'ok' && m.shown().options.minSample === min,
      'the new minimum',
    );
    const r = m.shown();
    const { fmt, userName } = m.env;
    const table = screen.getByRole('table', { name: /^Менеджеры рядом/ });
    const rows = [...table.querySelectorAll('tbody tr')];
    expect(rows).toHaveLength(r.managers.length);
    r.managers.forEach((manager, i) => {
      const row = rows[i]!;
      const cells = [...row.querySelectorAll('th, td')].map(c => c.textContent);
      expect(cells[0]).toContain(userName(manager.userId));
      expect(cells.slice(1, 6)).toEqual([
        fmt.int(manager.deals),
        fmt.int(manager.won),
        fmt.int(manager.lost),
        fmt.int(manager.open),
        fmt.percent(manager.winRate),
      ]);
      const reached = manager.reached;
      expect(cells.slice(6)).toEqual(
        reached
          .slice(0, -1)
          .map((here, s) => fmt.percent(here === 0 ? null : reached[s + 1]! / here)),
      );
      expect(row.textContent.includes('мало сделок')).toBe(manager.deals < min);
    });
    expect(r.managers.some(x => x.deals < min)).toBe(true);
    expect(r.managers.some(x => x.deals >= min)).toBe(true);
    finish(m);
  });

  it('links stuck deals to their cards and shows their days against the threshold', async () => {
    const m = await mount();
    const r = m.shown();
    const { fmt } = m.env;
    expect(r.stuck.length).toBeGreaterThan(0);
    const table = screen.getByRole('table', { name: /^Зависшие сделки/ });
    const rows = bodyCells(table);
    expect(rows).toHaveLength(Math.min(50, r.stuck.length));
    const deal = r.stuck[0]!;
    expect(rows[0]?.slice(3, 7)).toEqual([
      fmt.days(deal.hoursInStage),
      fmt.days(deal.thresholdHours),
      fmt.days(deal.hoursInStage - deal.thresholdHours),
      fmt.money(deal.price),
    ]);
    // The list is sorted by a value it shows: days past the threshold, descending.
    const overdue = rows.map(cells => Number(cells[5]!.replace(/[^\d,]/g, '').replace(',', '.')));
    expect(overdue).toEqual([...overdue].sort((a, b) => b - a));
    // All history held: no time is a lower bound, and the header does not speak of one.
    expect(
      table.querySelectorAll('thead th')[3]!.querySelector('[role="tooltip"]')?.textContent,
    ).toBe(m.env.t('fl.metric.hoursInStage'));
    fireEvent.click(within(table).getAllByRole('link')[0]!);
    expect(m.env.navigated).toEqual([`/leads/detail/${deal.leadId}`]);
    finish(m);
  });

  it('says "more than N days" for a stuck deal that entered its stage before the loaded history', async () => {
    const from = DEMO_NOW - 45 * 86_400;
    const m = await mount({ edit: input => ({ ...input, historyFrom: from }) });
    const r = m.shown();
    const { t, fmt } = m.env;
    const index = r.stuck.findIndex(d => d.hoursAtLeast);
    expect(index).toBeGreaterThanOrEqual(0);
    expect(index).toBeLessThan(50);
    const table = screen.getByRole('table', { name: /^Зависшие сделки/ });
    const rows = bodyCells(table);
    const header = table.querySelectorAll('thead th')[3]!;
    expect(header.querySelector('[role="tooltip"]')?.textContent).toContain(
      t('fl.metric.hoursAtLeast'),
    );
    const deal = r.stuck[index]!;
    expect(rows[index]?.[3]).toBe(t('fl.common.atLeast', { value: fmt.days(deal.hoursInStage) }));
    const exactIndex = r.stuck.findIndex(d => !d.hoursAtLeast);
    expect(exactIndex).toBeGreaterThanOrEqual(0);
    expect(rows[exactIndex]?.[3]).toBe(fmt.days(r.stuck[exactIndex]!.hoursInStage));
    finish(m);
  });

  it('renders names from the data as text, never as markup', async () => {
    const m = await mount({
      managerName: HOSTILE,
      edit: input => ({
        ...input,
        pipeline: {
          ...input.pipeline,
          statuses: input.pipeline.statuses.map((s, i) => (i === 1 ? { ...s, name: HOSTILE } : s)),
        },
        lossReasons: input.lossReasons.map(x => ({ ...x, name: HOSTILE })),
      }),
    });
    expect(m.view.container.querySelector('img')).toBeNull();
    expect(screen.getAllByText(HOSTILE).length).toBeGreaterThan(3);
    finish(m);
  });

  it('keeps the numbers on screen when a refresh fails, and says why', async () => {
    const m = await mount();
    const refresh = screen.getByRole('button', { name: 'Обновить' });
    fireEvent.click(refresh);
    expect(m.models.service.refreshes()).toBe(1);
    await act(() => {
      m.models.service.setStatus({
        activity: {
          kind: 'syncing',
          stage: 'refresh',
          fraction: null,
          secondsLeft: null,
          requests: 1,
          heldFrom: null,
        },
      });
    });
    expect(refresh.getAttribute('aria-disabled')).toBe('true');
    // Pressed meanwhile it does nothing, and it is never `disabled` (focus would drop to <body>).
    expect(refresh.hasAttribute('disabled')).toBe(false);
    fireEvent.click(refresh);
    expect(m.models.service.refreshes()).toBe(1);
    await act(() => {
      m.models.service.setStatus({
        activity: { kind: 'idle' },
        error: { code: 'NETWORK', path: '/api/v4/leads' },
      });
    });
    expect(refresh.hasAttribute('aria-disabled')).toBe(false);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain(m.env.t('fl.errors.NETWORK'));
    expect(screen.getByRole('table', { name: 'Сделки периода по этапам воронки' })).toBeTruthy();
    fireEvent.click(within(alert).getByRole('button', { name: m.env.t('fl.common.retry') }));
    expect(m.models.service.refreshes()).toBe(2);
    finish(m);
  });

  it('says the data is loading on a first load, then shows the report', async () => {
    const d = demo();
    const models = dataModels(d, {
      status: {
        phase: 'none',
        version: 0,
        syncedAt: null,
        activity: {
          kind: 'syncing',
          stage: 'window',
          fraction: 0.5,
          secondsLeft: 60,
          requests: 2,
          heldFrom: null,
        },
      },
    });
    const report = reportModel(models);
    const env = testEnv({ managers: d.managers });
    const charts = fakeCharts();
    const view = render(
      <WithEnv env={env}>
        <ReportPage
          data={models.data}
          report={report}
          pipelines={d.pipelines.map(p => ({ id: p.id, name: p.name }))}
          pipelineId={PIPELINE_IDS.main}
          onPipelineChange={() => undefined}
          createChart={charts.create}
        />
      </WithEnv>,
    );
    const { t } = env;
    expect(screen.getAllByRole('status').some(s => s.textContent === t('fl.report.loading'))).toBe(
      true,
    );
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('50');
    expect(screen.getByRole('button', { name: 'Обновить' }).getAttribute('aria-disabled')).toBe(
      'true',
    );
    expect(screen.queryAllByRole('table')).toHaveLength(0);
    expect(models.service.asked().report).toBe(0);

    models.service.hold();
    await act(() => {
      models.service.setStatus({
        phase: 'complete',
        version: 1,
        syncedAt: DEMO_NOW,
        activity: { kind: 'idle' },
      });
    });
    // The data is in, the numbers are computing.
    expect(
      screen.getAllByRole('status').some(s => s.textContent === t('fl.report.computing')),
    ).toBe(true);
    await act(() => models.service.release());
    await until(() => report.state.value.status === 'ok', 'the report');
    expect(screen.getByRole('table', { name: 'Сделки периода по этапам воронки' })).toBeTruthy();
    view.unmount();
    report[Symbol.dispose]();
    models.dispose();
  });

  it('shows an engine failure above the last numbers, and says it is recomputing meanwhile', async () => {
    const m = await mount();
    const r = m.shown();
    m.models.service.hold();
    fireEvent.change(screen.getByRole('combobox', { name: 'Шаг динамики' }), {
      target: { value: 'week' },
    });
    await act(() => Promise.resolve());
    expect(screen.getByText(m.env.t('fl.report.recomputing'))).toBeTruthy();
    m.models.service.failReports('FAILED');
    await act(() => m.models.service.release());
    await until(() => m.report.state.value.status === 'error', 'the failure');
    await act(() => Promise.resolve());
    expect(screen.getByRole('alert').textContent).toBe(m.env.t('fl.errors.engine.FAILED'));
    expect(screen.queryByText(m.env.t('fl.report.recomputing'))).toBeNull();
    expect(m.shown()).toBe(r);
    expect(screen.getByRole('table', { name: 'Сделки периода по этапам воронки' })).toBeTruthy();
    finish(m);
  });

  it('changes pipeline through the host and the trend step through the model', async () => {
    const m = await mount();
    fireEvent.change(screen.getByRole('combobox', { name: 'Воронка' }), {
      target: { value: String(PIPELINE_IDS.repeat) },
    });
    expect(m.pipelineChanges).toEqual([PIPELINE_IDS.repeat]);
    const monthly = chartFor(m.charts.made, 'Конверсия по периодам');
    fireEvent.change(screen.getByRole('combobox', { name: 'Шаг динамики' }), {
      target: { value: 'week' },
    });
    expect(m.report.trend.value).toBe('week');
    await until(
      () => m.report.state.value.status === 'ok' && (m.shown().trend?.length ?? 0) > 10,
      'weekly trend',
    );
    expect(screen.getByRole('heading', { name: 'Динамика конверсии по неделям' })).toBeTruthy();
    expect(monthly.updates).toBeGreaterThan(0);
    expect(monthly.config.data.datasets[1]?.data).toEqual(
      m.shown().trend?.map(b => b.totals.deals),
    );
    finish(m);
  });

  it('speaks English', async () => {
    const m = await mount({ lang: 'en' });
    const r = m.shown();
    for (const name of [
      'Period summary',
      'Funnel',
      'Time in stage',
      'Managers',
      'Loss reasons by stage',
      'Stuck deals',
    ]) {
      expect(screen.getByRole('heading', { name })).toBeTruthy();
    }
    const rows = bodyCells(
      screen.getByRole('table', { name: "The period's deals by funnel stage" }),
    );
    expect(rows[0]?.[6]).toBe(m.env.fmt.percent(r.stages[0]!.conversionToNext));
    expect(m.env.fmt.lang).toBe('en');
    finish(m);
  });

  it('destroys every chart and leaves no timers when unmounted', async () => {
    const m = await mount();
    const live = m.charts.made.filter(c => !c.destroyed);
    // Funnel, trend, time, the distributions' histogram and time to close (F.5), losses.
    expect(live).toHaveLength(6);
    m.view.unmount();
    expect(m.charts.made.every(c => c.destroyed)).toBe(true);
    m.report[Symbol.dispose]();
    m.models.dispose();
    expect(jest.getTimerCount()).toBe(0);
  });
});
