/**
 * The report page's distributions (metrics.md F.5) over the demo account: the histogram with its
 * threshold and stage chooser, the time to close by month and the moves matrix, each against the
 * engine's report object.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { DEFAULT_SETTINGS } from '../../../../src/state';
import { ReportPage } from '../../../../src/ui/fullReport';
import { binLabels, placeName, stageName } from '../../../../src/ui/fullReport/distributionText';
import { DEMO_NOW, PIPELINE_IDS } from '../../../support/demo';
import { testEnv, WithEnv } from '../../../support/env';
import { dataModels, demo, reportModel, until } from './demoModels';
import { chartFor, fakeCharts } from './fakeCharts';

beforeEach(() => {
  jest.useFakeTimers({ now: DEMO_NOW * 1000 });
});
afterEach(() => {
  cleanup();
  jest.useRealTimers();
});

async function mount() {
  const d = demo();
  const models = dataModels(d, { settings: DEFAULT_SETTINGS });
  const report = reportModel(models);
  const downloads: { name: string; text: string }[] = [];
  const charts = fakeCharts();
  const env = testEnv();
  const view = render(
    <WithEnv env={env}>
      <ReportPage
        data={models.data}
        report={report}
        pipelines={d.pipelines.map(p => ({ id: p.id, name: p.name }))}
        pipelineId={PIPELINE_IDS.main}
        onPipelineChange={() => undefined}
        createChart={charts.create}
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
  return { r, env, downloads, charts, finish };
}

const bodyCells = (table: HTMLElement): string[][] =>
  [...table.querySelectorAll('tbody tr')].map(tr =>
    [...tr.querySelectorAll('th, td')].map(c => c.textContent),
  );

describe('ReportPage: distributions (metrics.md F.5)', () => {
  it('shows a stage histogram with its threshold, and another stage when chosen', async () => {
    const m = await mount();
    const { t, fmt } = m.env;
    const d = m.r.distributions!;
    expect(d).toBeDefined();
    const section = screen.getByRole('region', { name: t('fl.report.dist.title') });
    const labels = binLabels(d.binEdgesHours, t, fmt);
    const first = d.stages.find(s => s.samples > 0)!;
    const name = stageName(m.r, first.stageId, t);

    const threshold = t('fl.report.dist.hist.threshold', { days: fmt.days(first.thresholdHours) });
    expect(within(section).getByText(threshold)).toBeTruthy();
    const chart = chartFor(
      m.charts.made,
      t('fl.report.dist.hist.label', { stage: name, threshold, items: '' }).split(':')[0]!,
    );
    expect(chart.config.data.datasets[0]!.data).toEqual(first.counts);
    const colours = chart.config.data.datasets[0]!.backgroundColor as string[];
    colours.forEach((c, k) =>
      expect(c === colours[first.thresholdBin]).toBe(k >= first.thresholdBin),
    );

    const table = within(section).getByRole('table', {
      name: t('fl.report.dist.hist.caption', { stage: name }),
    });
    const cells = bodyCells(table);
    expect(cells.map(c => c[1])).toEqual(first.counts.map(c => fmt.int(c)));
    expect(cells[first.thresholdBin]![0]).toBe(
      labels[first.thresholdBin]! + t('fl.report.dist.hist.mark'),
    );
    for (const th of table.querySelectorAll('thead th'))
      expect(th.querySelector('[role="tooltip"]')?.textContent).toBeTruthy();

    // Another stage: the chart redraws with its counts, the table follows.
    const other = d.stages.find(s => s.stageId !== first.stageId && s.samples > 0)!;
    fireEvent.change(within(section).getByLabelText(t('fl.report.dist.stage')), {
      target: { value: String(other.stageId) },
    });
    expect(chart.config.data.datasets[0]!.data).toEqual(other.counts);
    const otherName = stageName(m.r, other.stageId, t);
    expect(
      within(section).getByRole('table', {
        name: t('fl.report.dist.hist.caption', { stage: otherName }),
      }),
    ).toBeTruthy();
    m.finish();
    // Charts are destroyed with the page.
    expect(m.charts.made.every(c => c.destroyed)).toBe(true);
  });

  it('lists the time to close by month and the moves matrix, with a CSV', async () => {
    const m = await mount();
    const { t, fmt } = m.env;
    const d = m.r.distributions!;
    const section = screen.getByRole('region', { name: t('fl.report.dist.title') });
    const close = within(section).getByRole('table', { name: t('fl.report.dist.close.caption') });
    const rows = bodyCells(close);
    expect(rows).toHaveLength(12);
    expect(rows.map(r => [r[1], r[2], r[4]])).toEqual(
      d.timeToClose.months.map(x => [
        fmt.int(x.won.samples),
        fmt.days(x.won.medianHours),
        fmt.int(x.lost.samples),
      ]),
    );
    expect(d.timeToClose.months.some(x => x.won.samples > 0)).toBe(true);

    const matrix = within(section).getByRole('table', { name: t('fl.report.dist.moves.caption') });
    const cells = bodyCells(matrix);
    const total = cells.reduce((a, r) => a + Number(r.at(-1)!.replace(/\s/g, '')), 0);
    expect(total).toBe(d.transitions.total);
    expect(d.transitions.total).toBeGreaterThan(0);
    // Won is a column; every count's header carries its definition.
    const won = placeName(m.r, { kind: 'won', stageId: null }, t);
    const numbers = [...matrix.querySelectorAll('thead th.fl-num')];
    expect(numbers.some(th => th.textContent.startsWith(won))).toBe(true);
    for (const th of numbers)
      expect(th.querySelector('[role="tooltip"]')?.textContent).toBeTruthy();

    fireEvent.click(
      within(section).getByRole('button', {
        name: t('fl.report.csvLabel', { table: t('fl.report.dist.moves.caption') }),
      }),
    );
    const csv = m.downloads.at(-1)!;
    expect(csv.name).toMatch(/-moves\.csv$/);
    expect(csv.text.split(/\r?\n/).filter(Boolean)).toHaveLength(cells.length + 1);
    m.finish();
  });
});
