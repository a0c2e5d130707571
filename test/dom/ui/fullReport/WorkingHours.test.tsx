import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import type { FunnelReport } from '../../../../src/core';
import { DEFAULT_SETTINGS } from '../../../../src/state';
import { workingText } from '../../../../src/ui/common/workingText';
import { ReportPage } from '../../../../src/ui/fullReport';
import { DEMO_NOW, PIPELINE_IDS } from '../../../support/demo';
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

const WEEK = {
  days: [1, 2, 3, 4, 5],
  hours: [{ from: 540, to: 1080 }],
  timeZone: 'Europe/Moscow',
  holidays: [],
};

async function mount(workingWeek: typeof WEEK | null) {
  const d = demo();
  const models = dataModels(d, { settings: { ...DEFAULT_SETTINGS, workingWeek } });
  const report = reportModel(models);
  const env = testEnv({ lang: 'ru', managers: d.managers });
  const view = render(
    <WithEnv env={env}>
      <ReportPage
        data={models.data}
        report={report}
        pipelines={d.pipelines.map(p => ({ id: p.id, name: p.name }))}
        pipelineId={PIPELINE_IDS.main}
        onPipelineChange={() => undefined}
        createChart={fakeCharts().create}
        download={() => undefined}
      />
    </WithEnv>,
  );
  await until(() => report.state.value.status === 'ok', 'the report');
  const finish = () => {
    view.unmount();
    report[Symbol.dispose]();
    models.dispose();
  };
  return { report, env, finish };
}

const table = (id: string): HTMLTableElement => {
  const el = document.querySelector<HTMLTableElement>(
    `section[aria-labelledby="fl-report-${id}"] table`,
  );
  if (!el) throw new Error(`no table in ${id}`);
  return el;
};
/** A column's header label (its definition cut off) and its body cells. */
function column(t: HTMLTableElement, label: string): { hint: string; cells: string[] } {
  const heads = [...t.querySelectorAll('thead th')];
  const at = heads.findIndex(th => th.textContent.startsWith(label));
  if (at < 0) throw new Error(`no column ${label}`);
  return {
    hint: heads[at]!.querySelector('[role="tooltip"]')?.textContent ?? '',
    cells: [...t.querySelectorAll('tbody tr')].map(tr => tr.children[at]?.textContent ?? ''),
  };
}

describe('ReportPage: the working-hours switch (metrics.md F.4)', () => {
  it('is not there without a working week', async () => {
    const m = await mount(null);
    expect(screen.queryByRole('checkbox', { name: 'Рабочее время' })).toBeNull();
    m.finish();
  });

  it('adds working-hour columns, puts stuck on the working clock, and goes away when off', async () => {
    const m = await mount(WEEK);
    const { t, fmt } = m.env;
    const toggle = screen.getByRole<HTMLInputElement>('checkbox', { name: /Рабочее время/ });
    expect(toggle.checked).toBe(false);
    expect(m.report.report.value?.stages[0]?.workingTime).toBeUndefined();
    fireEvent.click(toggle);
    await until(() => m.report.report.value?.workingResponse !== undefined, 'working hours');
    const r: FunnelReport = m.report.report.value!;

    const median = column(table('time'), t('fl.working.col.median'));
    expect(median.cells).toEqual(
      r.stages.map(s => workingText(t, fmt, s.workingTime?.medianHours ?? null)),
    );
    expect(median.hint).toContain(t('fl.working.metric'));
    // The elapsed figures stay beside them; the threshold and the stuck count are the working
    // clock's (F.1a), and no calendar threshold is shown.
    expect(column(table('time'), t('fl.report.col.median')).cells).toEqual(
      r.stages.map(s => fmt.days(s.time.medianHours)),
    );
    expect(r.options.stuckClock).toBe('working');
    const threshold = column(table('time'), t('fl.working.col.thresholdWorking'));
    expect(threshold.cells).toEqual(
      r.stages.map(s => workingText(t, fmt, s.stuckThresholdWorkingHours ?? null)),
    );
    expect(threshold.hint).toContain(t('fl.working.thresholdWorking'));
    expect(() => column(table('time'), t('fl.working.col.threshold'))).toThrow('no column');
    expect(() => column(table('stuck'), t('fl.working.col.threshold'))).toThrow('no column');
    expect(column(table('time'), t('fl.report.col.stuck')).cells).toEqual(
      r.stages.map(s => fmt.int(s.stuck)),
    );
    expect(column(table('time'), t('fl.report.col.stuck')).hint).toContain(
      t('fl.working.thresholdWorking'),
    );

    const stuck = column(table('stuck'), t('fl.working.col.inStage'));
    expect(stuck.cells.slice(0, 5)).toEqual(
      r.stuck.slice(0, 5).map(d => {
        const text = workingText(t, fmt, d.workingHoursInStage ?? null);
        return d.hoursAtLeast ? t('fl.common.atLeast', { value: text }) : text;
      }),
    );
    // The list is ordered by how far past the working threshold, and shows it.
    expect(r.stuck.length).toBeGreaterThan(0);
    const over = r.stuck.map(d => d.workingHoursInStage! - d.thresholdWorkingHours!);
    expect(over).toEqual([...over].sort((a, b) => b - a));
    expect(over.every(x => x >= 0)).toBe(true);
    expect(column(table('stuck'), t('fl.working.col.thresholdWorking')).cells.slice(0, 5)).toEqual(
      r.stuck.slice(0, 5).map(d => workingText(t, fmt, d.thresholdWorkingHours ?? null)),
    );
    expect(column(table('stuck'), t('fl.working.col.overdueWorking')).cells.slice(0, 5)).toEqual(
      r.stuck.slice(0, 5).map((d, k) => {
        const text = workingText(t, fmt, over[k]!);
        return d.hoursAtLeast ? t('fl.common.atLeast', { value: text }) : text;
      }),
    );
    const response = column(table('incoming'), t('fl.working.col.responseMedian'));
    expect(response.cells.at(-1)).toBe(workingText(t, fmt, r.workingResponse!.medianHours));
    expect(response.cells.slice(0, -1).every(c => c === '—')).toBe(true);

    fireEvent.click(toggle);
    await until(() => m.report.report.value?.workingResponse === undefined, 'elapsed again');
    expect(() => column(table('time'), t('fl.working.col.median'))).toThrow('no column');
    expect(() => column(table('time'), t('fl.working.col.thresholdWorking'))).toThrow('no column');
    expect(column(table('time'), t('fl.report.col.threshold')).cells).toEqual(
      m.report.report.value!.stages.map(s => fmt.days(s.stuckThresholdHours)),
    );
    m.finish();
  });
});
