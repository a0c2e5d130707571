/**
 * The report page's foresight (metrics.md F.2–F.4): the significant changes over a demo with a
 * real drop added, and the forecast's range — in its section and in the summary, which show the
 * expectation without a time frame only for a report that asked for no horizon — each against
 * the engine's report object.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import type { FunnelInput, FunnelReport } from '../../../../src/core';
import { toCsv } from '../../../../src/core';
import type { Translate } from '../../../../src/i18n';
import { DEFAULT_SETTINGS } from '../../../../src/state';
import { ReportPage } from '../../../../src/ui/fullReport';
import { pValueText } from '../../../../src/ui/fullReport/AlertsSection';
import { ForecastSection } from '../../../../src/ui/fullReport/ForecastSection';
import { SummarySection } from '../../../../src/ui/fullReport/SummarySection';
import { ReportToolsContext } from '../../../../src/ui/fullReport/tools';
import { DEMO_NOW, PIPELINE_IDS, STATUS_IDS } from '../../../support/demo';
import { dropAtRequisites } from '../../../support/drop';
import { testEnv, WithEnv } from '../../../support/env';
import { dataModels, demo, reportModel, until } from './demoModels';
import { fakeCharts } from './fakeCharts';

beforeEach(() => {
  jest.useFakeTimers({ now: DEMO_NOW * 1000 });
});
afterEach(() => {
  cleanup();
  jest.useRealTimers();
});

const [, , , , REQUISITES, CONTRACT] = STATUS_IDS.main.open;

/** The drop over the page's 90 days: the earlier deals 150 days back, in its baseline. */
function withDrop(input: FunnelInput): FunnelInput {
  const extra = dropAtRequisites(input.pipeline.id, 150);
  return {
    ...input,
    leads: [...input.leads, ...extra.leads],
    events: [...input.events, ...extra.events],
  };
}

async function mount(opts: { drop?: boolean; minSample?: number } = {}) {
  const d = demo(opts.drop ? withDrop : undefined);
  const settings = { ...DEFAULT_SETTINGS, minSample: opts.minSample ?? 10 };
  const models = dataModels(d, { settings });
  const report = reportModel(models);
  const downloads: { name: string; text: string }[] = [];
  const env = testEnv();
  const view = render(
    <WithEnv env={env}>
      <ReportPage
        data={models.data}
        report={report}
        pipelines={d.pipelines.map(p => ({ id: p.id, name: p.name }))}
        pipelineId={PIPELINE_IDS.main}
        onPipelineChange={() => undefined}
        createChart={fakeCharts().create}
        download={(name, text) => downloads.push({ name, text })}
      />
    </WithEnv>,
  );
  await until(() => report.state.value.status === 'ok', 'the report');
  const r = report.report.value!;
  const finish = () => {
    view.unmount();
    report[Symbol.dispose]();
    models.dispose();
  };
  return { r, env, downloads, finish };
}

function bodyCells(table: HTMLElement): string[][] {
  return [...table.querySelectorAll('tbody tr')].map(tr =>
    [...tr.querySelectorAll('th, td')].map(c => c.textContent),
  );
}

/** A row header's own text, without the definition its tooltip holds. */
function withoutTip(el: Element): string {
  const copy = el.cloneNode(true) as Element;
  copy.querySelector('[role="tooltip"]')?.remove();
  return copy.textContent;
}

/** The summary's section (it holds one table). */
const summarySection = (t: Translate) =>
  screen.getByRole('region', { name: t('fl.report.summary.title') });

/** The summary's forecast rows: the last two of its table. */
const summaryForecastRows = (t: Translate): Element[] =>
  [...within(summarySection(t)).getByRole('table').querySelectorAll('tbody tr')].slice(-2);

const nameOf = (r: FunnelReport, id: number, won: string) =>
  r.stages.find(s => s.id === id)?.name ?? won;

describe('ReportPage: significant changes (metrics.md F.2)', () => {
  it('lists every transition with its numbers, the flagged ones (the real drop too) first', async () => {
    const m = await mount({ drop: true });
    const { t, fmt } = m.env;
    const tf = t;
    const alerts = m.r.alerts!;
    expect(alerts.transitions).toHaveLength(m.r.stages.length);
    const section = screen.getByRole('region', { name: tf('fl.report.alerts.title') });
    const table = within(section).getByRole('table', { name: tf('fl.report.alerts.caption') });
    const cells = bodyCells(table);
    expect(cells).toHaveLength(alerts.transitions.length);

    // The drop is flagged and listed first; a flagged row never follows an unflagged one.
    const drop = alerts.transitions.find(x => x.fromStageId === REQUISITES)!;
    expect(drop.change).toMatchObject({ flagged: true, direction: 'down' });
    const flaggedFirst = [...alerts.transitions].sort(
      (a, b) => Number(b.change?.flagged ?? false) - Number(a.change?.flagged ?? false),
    );
    const won = t('fl.report.wonRow');
    const verdict = (x: (typeof flaggedFirst)[number]) => {
      if (!x.change) return tf('fl.report.alerts.verdict.none');
      if (x.current.n < alerts.minSample || x.baseline.n < alerts.minSample)
        return tf('fl.report.alerts.verdict.small');
      if (x.change.flagged)
        return tf(`fl.report.alerts.verdict.${x.change.direction === 'down' ? 'down' : 'up'}`);
      return tf('fl.report.alerts.verdict.no');
    };
    const share = (k: number, n: number) => fmt.percent(n > 0 ? k / n : null);
    expect(cells).toEqual(
      flaggedFirst.map(x => {
        const untested = [
          tf('fl.report.alerts.verdict.small'),
          tf('fl.report.alerts.verdict.none'),
        ];
        const p = untested.includes(verdict(x)) ? null : (x.change?.pValue ?? null);
        return [
          tf('fl.report.alerts.transition', {
            from: nameOf(m.r, x.fromStageId, won),
            to: nameOf(m.r, x.toStageId, won),
          }),
          tf('fl.report.alerts.counts', { k: fmt.int(x.current.k), n: fmt.int(x.current.n) }),
          share(x.current.k, x.current.n),
          tf('fl.report.alerts.counts', { k: fmt.int(x.baseline.k), n: fmt.int(x.baseline.n) }),
          share(x.baseline.k, x.baseline.n),
          fmt.points(x.change?.difference ?? null),
          fmt.points(x.change?.low ?? null),
          fmt.points(x.change?.high ?? null),
          p === null ? '—' : pValueText('ru', p),
          verdict(x),
        ];
      }),
    );
    const at = flaggedFirst.indexOf(drop);
    expect(cells[at]?.[0]).toBe(
      tf('fl.report.alerts.transition', {
        from: nameOf(m.r, REQUISITES, won),
        to: nameOf(m.r, CONTRACT, won),
      }),
    );
    expect(cells[at]?.at(-1)).toBe(tf('fl.report.alerts.verdict.down'));
    expect(within(section).queryByText(tf('fl.report.alerts.none'))).toBeNull();

    // Every number's header carries its definition.
    for (const th of table.querySelectorAll('thead th.fl-num'))
      expect(th.querySelector('[role="tooltip"]')?.textContent).toBeTruthy();

    fireEvent.click(
      within(section).getByRole('button', {
        name: t('fl.report.csvLabel', { table: tf('fl.report.alerts.caption') }),
      }),
    );
    const csv = m.downloads[0]!;
    expect(csv.name).toBe(`funnel-lens-${PIPELINE_IDS.main}-alerts.csv`);
    const line = csv.text.split('\r\n')[at + 1]!.split(',');
    expect(line.slice(1, 9)).toEqual([
      `${drop.current.k}/${drop.current.n}`,
      String(drop.current.k / drop.current.n),
      `${drop.baseline.k}/${drop.baseline.n}`,
      String(drop.baseline.k / drop.baseline.n),
      String(drop.change!.difference),
      String(drop.change!.low),
      String(drop.change!.high),
      String(drop.change!.pValue),
    ]);
    m.finish();
  });

  it('flags nothing and tests nothing when every sample is below the minimum', async () => {
    const m = await mount({ drop: true, minSample: 1000 });
    const tf = m.env.t;
    expect(m.r.alerts!.transitions.some(x => x.change?.flagged)).toBe(false);
    const section = screen.getByRole('region', { name: tf('fl.report.alerts.title') });
    expect(within(section).getByText(tf('fl.report.alerts.none'))).toBeTruthy();
    const verdicts = bodyCells(within(section).getByRole('table')).map(row => row.at(-1));
    for (const v of verdicts)
      expect([tf('fl.report.alerts.verdict.small'), tf('fl.report.alerts.verdict.none')]).toContain(
        v,
      );
    // The p-value of a test not made is not shown.
    for (const row of bodyCells(within(section).getByRole('table'))) expect(row[8]).toBe('—');
    m.finish();
  });
});

describe('ReportPage: the forecast’s range (metrics.md F.3)', () => {
  it('shows wins and revenue within 30 and 90 days with their 90 % intervals, and no unbounded number', async () => {
    const m = await mount();
    const { t, fmt } = m.env;
    const tf = t;
    const range = m.r.forecastRange!;
    expect(range.horizons.map(h => h.horizonDays)).toEqual([30, 90]);
    const section = screen.getByRole('region', { name: t('fl.report.forecast.title') });
    const table = within(section).getByRole('table', {
      name: tf('fl.report.forecastRange.caption'),
    });
    expect(bodyCells(table)).toEqual(
      range.horizons.map(h => [
        tf('fl.report.forecastRange.horizon', { days: fmt.int(h.horizonDays) }),
        fmt.int(h.deals),
        fmt.int(h.expectedWins),
        fmt.int(h.winsLow),
        fmt.int(h.winsHigh),
        fmt.money(h.expectedRevenue),
        fmt.money(h.revenueLow),
        fmt.money(h.revenueHigh),
      ]),
    );
    // The hints name the method: the exact distribution for wins, the seeded draws for revenue.
    const tips = [...table.querySelectorAll('thead [role="tooltip"]')].map(x => x.textContent);
    expect(tips).toContain(tf('fl.metric.forecastWinsRange'));
    expect(tips).toContain(
      tf('fl.metric.forecastRevenueRange', {
        draws: fmt.int(range.draws),
        seed: String(range.seed),
      }),
    );
    // The horizons replace the expectation without a time frame (issue: no single unbounded sum).
    expect(within(section).queryByText(tf('fl.report.forecastRange.unbounded'))).toBeNull();
    expect(
      within(section).queryByText(
        tf('fl.report.forecast.expected', {
          wins: fmt.int(m.r.forecast.expectedWins),
          revenue: fmt.moneyRough(m.r.forecast.expectedRevenue),
        }),
        // The formats space with no-break spaces: compare the text as it is.
        { normalizer: text => text },
      ),
    ).toBeNull();
    // The per-stage probabilities stay.
    expect(
      within(section).getByRole('table', { name: tf('fl.report.forecast.caption') }),
    ).toBeTruthy();

    fireEvent.click(
      within(section).getByRole('button', {
        name: t('fl.report.csvLabel', { table: tf('fl.report.forecastRange.caption') }),
      }),
    );
    const csv = m.downloads[0]!;
    expect(csv.name).toBe(`funnel-lens-${PIPELINE_IDS.main}-forecast-range.csv`);
    expect(csv.text).toBe(
      toCsv(
        (
          [
            'horizon',
            'deals',
            'wins',
            'winsLow',
            'winsHigh',
            'revenue',
            'revenueLow',
            'revenueHigh',
          ] as const
        ).map(k => tf(`fl.report.forecastRange.col.${k}`)),
        range.horizons.map(h => [
          h.horizonDays,
          h.deals,
          h.expectedWins,
          h.winsLow,
          h.winsHigh,
          h.expectedRevenue,
          h.revenueLow,
          h.revenueHigh,
        ]),
      ),
    );
    m.finish();
  });

  it('sums up the longest horizon in the summary, its interval under each value, as its CSV has it', async () => {
    const m = await mount();
    const { t, fmt } = m.env;
    const range = m.r.forecastRange!;
    const h = range.horizons.reduce((a, b) => (b.horizonDays > a.horizonDays ? b : a));
    expect(h.horizonDays).toBe(90);
    const days = { days: fmt.int(h.horizonDays) };
    const labels = [
      t('fl.report.summary.expectedWins', days),
      t('fl.report.summary.expectedRevenue', days),
    ];
    const [wins, revenue] = summaryForecastRows(t);
    const rows = [wins!, revenue!];
    expect(rows.map(tr => withoutTip(tr.querySelector('th')!))).toEqual(labels);
    expect(rows.map(tr => tr.querySelector('th [role="tooltip"]')?.textContent)).toEqual([
      `${t('fl.metric.forecastWins')}\n${t('fl.metric.forecastWinsRange')}`,
      `${t('fl.metric.forecastRevenue')}\n${t('fl.metric.forecastRevenueRange', { draws: fmt.int(range.draws), seed: String(range.seed) })}`,
    ]);
    // The value as the range's table shows it; no same-age or previous figure is made up for it.
    expect(rows.map(tr => [...tr.querySelectorAll('td')].map(c => c.textContent))).toEqual([
      [fmt.int(h.expectedWins), '—', '—', '—'],
      [fmt.money(h.expectedRevenue), '—', '—', '—'],
    ]);
    // The 90 % interval is drawn under the value from an attribute, as a conversion's is.
    expect(rows.map(tr => tr.querySelector('td .fl-range')?.getAttribute('data-ci'))).toEqual([
      t('fl.report.interval', { low: fmt.int(h.winsLow), high: fmt.int(h.winsHigh) }),
      t('fl.report.interval', { low: fmt.money(h.revenueLow), high: fmt.money(h.revenueHigh) }),
    ]);
    expect(h.winsLow).toBeLessThan(h.winsHigh);
    expect(h.revenueLow).toBeLessThan(h.revenueHigh);

    fireEvent.click(within(summarySection(t)).getByRole('button', { name: /CSV/ }));
    const csv = m.downloads[0]!;
    expect(csv.name).toBe(`funnel-lens-${PIPELINE_IDS.main}-summary.csv`);
    // The label says the horizon; the value is unrounded; the interval is the range's CSV's.
    const lines = csv.text.split('\r\n');
    expect(lines.slice(-3, -1)).toEqual(
      toCsv(
        [],
        [
          [labels[0]!, h.expectedWins, null, null, null],
          [labels[1]!, h.expectedRevenue, null, null, null],
        ],
      )
        .split('\r\n')
        .slice(1, -1),
    );
    m.finish();
  });

  it('keeps the expectation without a time frame where the report asked for no horizon', async () => {
    const m = await mount();
    m.finish();
    const { t, fmt } = m.env;
    // A report that asks for no horizon is the same report without the field (metrics.md F.4).
    const { forecastRange, ...report } = m.r;
    expect(forecastRange).toBeDefined();
    const downloads: { name: string; text: string }[] = [];
    render(
      <WithEnv env={m.env}>
        <ReportToolsContext.Provider
          value={{
            download: (name, text) => downloads.push({ name, text }),
            createChart: fakeCharts().create,
            filePrefix: 'funnel-lens-test',
          }}
        >
          <SummarySection report={report} />
          <ForecastSection report={report} />
        </ReportToolsContext.Provider>
      </WithEnv>,
    );
    const { forecast } = report;
    const rows = summaryForecastRows(t);
    expect(rows.map(tr => withoutTip(tr.querySelector('th')!))).toEqual([
      t('fl.report.col.expectedWins'),
      t('fl.report.col.expectedRevenue'),
    ]);
    expect(rows.map(tr => tr.querySelector('th [role="tooltip"]')?.textContent)).toEqual([
      t('fl.metric.forecast'),
      t('fl.metric.forecast'),
    ]);
    expect(rows.map(tr => tr.querySelector('td')?.textContent)).toEqual([
      fmt.int(forecast.expectedWins),
      `≈ ${fmt.moneyRough(forecast.expectedRevenue)}`,
    ]);
    expect(document.querySelector('.fl-range')).toBeNull();
    // An expectation without false precision: two significant digits ("1,3 млн ₽"), not rubles.
    expect(fmt.moneyRough(forecast.expectedRevenue)).toMatch(/^\d+(,\d)?\s(тыс|млн|млрд)\.?\s₽$/);

    const section = screen.getByRole('region', { name: t('fl.report.forecast.title') });
    expect(within(section).getByText(t('fl.report.forecastRange.unbounded'))).toBeTruthy();
    expect(
      within(section).getByText(
        t('fl.report.forecast.expected', {
          wins: fmt.int(forecast.expectedWins),
          revenue: fmt.moneyRough(forecast.expectedRevenue),
        }),
        // The formats space with no-break spaces: compare the text as it is.
        { normalizer: text => text },
      ),
    ).toBeTruthy();
    expect(
      within(section)
        .getAllByRole('table')
        .map(x => x.querySelector('caption')?.textContent),
    ).toEqual([t('fl.report.forecast.caption')]);

    fireEvent.click(within(summarySection(t)).getByRole('button', { name: /CSV/ }));
    const lines = downloads[0]!.text.split('\r\n');
    expect(lines.slice(-3, -1)).toEqual(
      toCsv(
        [],
        [
          [t('fl.report.col.expectedWins'), forecast.expectedWins, null, null, null],
          [t('fl.report.col.expectedRevenue'), forecast.expectedRevenue, null, null, null],
        ],
      )
        .split('\r\n')
        .slice(1, -1),
    );
  });
});
