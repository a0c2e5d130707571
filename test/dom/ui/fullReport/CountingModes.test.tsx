import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import type { FunnelInput, FunnelReport } from '../../../../src/core';
import { toCsv } from '../../../../src/core';
import type { UiEnv } from '../../../../src/ui/env';
import { ReportPage } from '../../../../src/ui/fullReport';
import { DEMO_NOW, PIPELINE_IDS } from '../../../support/demo';
import { testEnv, WithEnv } from '../../../support/env';
import type { Models } from './demoModels';
import { dataModels, demo, reportModel, until } from './demoModels';
import { fakeCharts } from './fakeCharts';

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
  readonly downloads: { name: string; text: string }[];
  readonly env: UiEnv;
  readonly view: ReturnType<typeof render>;
  readonly shown: () => FunnelReport;
}

async function mount(edit?: (input: FunnelInput) => FunnelInput): Promise<Mounted> {
  const d = demo(edit);
  const models = dataModels(d);
  const report = reportModel(models);
  const downloads: { name: string; text: string }[] = [];
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
  return { models, report, downloads, env, view, shown };
}

function finish(m: Mounted): void {
  m.view.unmount();
  m.report[Symbol.dispose]();
  m.models.dispose();
}

/** Lets the report recompute after a switch until `done` holds of the new one. */
async function recomputed(m: Mounted, done: (r: FunnelReport) => boolean): Promise<FunnelReport> {
  await until(() => {
    const r = m.report.report.value;
    return m.report.state.value.status === 'ok' && r !== null && done(r);
  }, 'the recomputed report');
  return m.shown();
}

const section = (id: string): HTMLElement => {
  const el = document.querySelector<HTMLElement>(`section[aria-labelledby="fl-report-${id}"]`);
  if (!el) throw new Error(`no section ${id}`);
  return el;
};

/** Body rows of a table as the text of their cells (row header first). */
function bodyCells(table: Element): string[][] {
  return [...table.querySelectorAll('tbody tr')].map(tr =>
    [...tr.querySelectorAll('th, td')].map(c => c.textContent),
  );
}

/** Each header's label (without its definition) and definition, by column. */
function headers(table: Element): { label: string; hint: string | null }[] {
  return [...table.querySelectorAll('thead th')].map(th => {
    const tip = th.querySelector('[role="tooltip"]');
    const hint = tip?.textContent ?? null;
    const text = th.textContent;
    return { label: hint === null ? text : text.slice(0, text.length - hint.length), hint };
  });
}

describe('ReportPage: counting modes, money and unattended deals', () => {
  it('switches the counting mode and money through the model, as radio groups', async () => {
    const m = await mount();
    const { t } = m.env;
    const mode = screen.getByRole('group', { name: t('fl.report.mode.label') });
    const radios = within(mode).getAllByRole('radio');
    expect(radios.map(r => (r as HTMLInputElement).checked)).toEqual([true, false, false]);
    // One name: the browser's arrow keys move within the group, Tab leaves it.
    expect(new Set(radios.map(r => (r as HTMLInputElement).name)).size).toBe(1);

    fireEvent.click(within(mode).getByRole('radio', { name: t('fl.report.mode.closed') }));
    expect(m.report.mode.value).toBe('closed');
    await recomputed(m, r => r.closedMode !== undefined);
    expect((radios[1] as HTMLInputElement).checked).toBe(true);

    fireEvent.click(within(mode).getByRole('radio', { name: t('fl.report.mode.entered') }));
    expect(m.report.mode.value).toBe('entered');
    const flow = await recomputed(m, r => r.flow !== undefined);
    expect(flow.closedMode).toBeUndefined();

    const money = screen.getByRole('group', { name: t('fl.report.money.label') });
    fireEvent.click(within(money).getByRole('radio', { name: t('fl.report.money.money') }));
    expect(m.report.money.value).toBe(true);
    await recomputed(m, r => r.money !== undefined);
    fireEvent.click(within(money).getByRole('radio', { name: t('fl.report.money.counts') }));
    expect(m.report.money.value).toBe(false);
    finish(m);
  });

  it('shows the deals closed in the period first, and says the sections below are the cohort', async () => {
    const m = await mount();
    const { fmt, t } = m.env;
    m.report.setMode('closed');
    const r = await recomputed(m, x => x.closedMode !== undefined);
    const c = r.closedMode!;
    expect(c.deals).toBeGreaterThan(0);
    const sections = [...document.querySelectorAll('section.fl-report__section')];
    expect(sections[0]?.getAttribute('aria-labelledby')).toBe('fl-report-closed');
    expect(sections[1]?.getAttribute('aria-labelledby')).toBe('fl-report-weakest');
    expect(screen.getByText(t('fl.report.cohortNote'))).toBeTruthy();

    const [totals, times, lost] = [...section('closed').querySelectorAll('table')];
    expect(bodyCells(totals!)).toEqual([
      [
        `${fmt.date(r.period.from)} – ${fmt.date(r.period.to - 1)}`,
        fmt.int(c.deals),
        fmt.int(c.won),
        fmt.int(c.lost),
        fmt.percent(c.winRate),
        fmt.money(c.value.won),
        fmt.money(c.value.lost),
      ],
    ]);
    expect(bodyCells(times!).map(row => row.slice(1))).toEqual(
      [c.timeToClose, c.timeToWin].map(d => [
        fmt.int(d.samples),
        fmt.days(d.medianHours),
        fmt.days(d.p90Hours),
      ]),
    );
    const names = new Map(r.stages.map(s => [s.id, s.name]));
    expect(bodyCells(lost!)).toEqual(
      c.lostFrom.map(l => [names.get(l.stageId), fmt.int(l.count), fmt.money(l.value)]),
    );
    expect(c.lostFrom.map(l => l.stageId)).toEqual(r.stages.map(s => s.id));

    // Every number explains itself, in the words of its definition.
    expect(headers(totals!).map(h => h.hint)).toEqual([
      null,
      t('fl.report.hint.closedDeals'),
      t('fl.report.hint.closedWon'),
      t('fl.report.hint.closedLost'),
      t('fl.report.hint.closedWinRate'),
      t('fl.report.hint.closedWonValue'),
      t('fl.report.hint.closedLostValue'),
    ]);
    expect(headers(times!).map(h => h.hint)).toEqual([
      null,
      t('fl.report.hint.closedSamples'),
      t('fl.report.hint.closeMedian'),
      t('fl.report.hint.closeP90'),
    ]);
    expect(headers(lost!).map(h => h.hint)).toEqual([
      null,
      t('fl.report.hint.lostFrom'),
      t('fl.report.hint.lostFromValue'),
    ]);

    // Downloadable as the other tables are, with the unrounded values.
    const caption = t('fl.report.closed.lostCaption');
    fireEvent.click(
      screen.getByRole('button', { name: t('fl.report.csvLabel', { table: caption }) }),
    );
    expect(m.downloads.at(-1)).toEqual({
      name: `funnel-lens-${PIPELINE_IDS.main}-closed-lost-from.csv`,
      text: toCsv(
        [t('fl.report.col.stage'), t('fl.report.col.lost'), t('fl.report.col.lostValue')],
        c.lostFrom.map(l => [names.get(l.stageId) ?? '', l.count, l.value]),
      ),
    });
    finish(m);
  });

  it('shows per stage the deals that entered it in the period and the share that moved on', async () => {
    const m = await mount();
    const { t } = m.env;
    const { fmt } = m.env;
    m.report.setMode('entered');
    const r = await recomputed(m, x => x.flow !== undefined);
    const flow = r.flow!;
    expect(flow.stages.some(s => s.entered > 0)).toBe(true);
    const sections = [...document.querySelectorAll('section.fl-report__section')];
    expect(sections[0]?.getAttribute('aria-labelledby')).toBe('fl-report-entered');
    // The cohort's own skips-and-moves-back section stays as it was.
    expect(document.querySelector('section[aria-labelledby="fl-report-flow"]')).not.toBeNull();

    const table = section('entered').querySelector('table')!;
    expect(bodyCells(table)).toEqual(
      flow.stages.map((s, i) => [
        r.stages[i]!.name,
        fmt.int(s.entered),
        fmt.int(s.movedOn),
        fmt.percent(s.share),
        fmt.money(s.value.entered),
        fmt.money(s.value.movedOn),
      ]),
    );
    expect(headers(table).map(h => h.hint)).toEqual([
      null,
      t('fl.report.hint.entered'),
      t('fl.report.hint.movedOn'),
      t('fl.report.hint.movedOnShare'),
      t('fl.report.hint.enteredValue'),
      t('fl.report.hint.movedOnValue'),
    ]);
    finish(m);
  });

  it('puts the budgets beside the funnel counts and the weakest link when money is on', async () => {
    const m = await mount();
    const { fmt, t } = m.env;
    const table = () => screen.getByRole('table', { name: t('fl.report.funnel.caption') });
    const before = headers(table()).length;
    m.report.setMoney(true);
    const r = await recomputed(m, x => x.money !== undefined);
    const money = r.money!;
    const cols = headers(table());
    expect(cols).toHaveLength(before + 4);
    const at = (label: string) => cols.findIndex(h => h.label === label);
    const pairs = [
      ['fl.report.col.reached', 'fl.report.col.reachedValue'],
      ['fl.report.col.current', 'fl.report.col.currentValue'],
      ['fl.report.col.undecided', 'fl.report.col.undecidedValue'],
      ['fl.report.col.lostHere', 'fl.report.col.lostHereValue'],
    ] as const;
    // Beside its count, with the definition of a budget sum.
    for (const [count, value] of pairs) {
      expect(at(t(value))).toBe(at(t(count)) + 1);
      expect(cols[at(t(value))]?.hint).toBe(t('fl.report.hint.money'));
    }
    const rows = bodyCells(table());
    money.stages.forEach((s, i) => {
      expect(s.id).toBe(r.stages[i]!.id);
      expect(pairs.map(([, v]) => rows[i]?.[at(t(v))])).toEqual([
        fmt.money(s.reached),
        fmt.money(s.current),
        fmt.money(s.undecided),
        fmt.money(s.lostHere),
      ]);
    });
    expect(rows[r.stages.length]?.[at(t('fl.report.col.reachedValue'))]).toBe(
      fmt.money(money.won.reached),
    );
    const totals = t('fl.report.funnel.moneyTotals', {
      deals: fmt.money(money.totals.deals),
      won: fmt.money(money.totals.won),
      lost: fmt.money(money.totals.lost),
      open: fmt.money(money.totals.open),
    });
    expect(section('funnel').textContent).toContain(totals);

    const weak = money.weakestTransition!;
    expect(weak.fromStageId).toBe(r.weakestTransition!.fromStageId);
    const callout = section('weakest');
    expect(callout.textContent).toContain(
      t('fl.report.funnel.moneyWeakest', {
        reached: fmt.money(weak.reached),
        decided: fmt.money(weak.decided),
        next: fmt.money(weak.next),
        conversion: fmt.percent(weak.conversion),
        decidedConversion: fmt.percent(weak.decidedConversion),
      }),
    );
    expect(callout.textContent).toContain(t('fl.report.hint.moneyWeakest'));
    finish(m);
  });

  it('marks unattended stuck deals, filters them, and counts them per stage', async () => {
    // Every stuck deal's nearest task, known: a third overdue, a third none, a third ahead.
    const m = await mount(input => ({
      ...input,
      leads: input.leads.map(l => ({
        ...l,
        closestTaskAt: [DEMO_NOW - 3600, null, DEMO_NOW + 3600][l.id % 3] ?? null,
      })),
    }));
    const { fmt, t } = m.env;
    const r = m.shown();
    const idle = r.stuck.filter(d => d.unattended === true);
    expect(idle.length).toBeGreaterThan(0);
    expect(idle.length).toBeLessThan(r.stuck.length);

    const funnel = screen.getByRole('table', { name: t('fl.report.funnel.caption') });
    const funnelCols = headers(funnel);
    expect(funnelCols.at(-1)).toEqual({
      label: t('fl.report.col.unattended'),
      hint: t('fl.report.hint.unattended'),
    });
    expect(r.stages.every(s => s.unattended !== null)).toBe(true);
    expect(bodyCells(funnel).map(row => row.at(-1))).toEqual([
      ...r.stages.map(s => fmt.int(s.unattended!)),
      '',
    ]);

    const stuckTable = () => section('stuck').querySelector('table')!;
    const taskCol = headers(stuckTable()).findIndex(h => h.label === t('fl.report.col.task'));
    expect(headers(stuckTable())[taskCol]?.hint).toBe(t('fl.report.hint.task'));
    const shown = r.stuck.slice(0, 50);
    expect(bodyCells(stuckTable()).map(row => row[taskCol])).toEqual(
      shown.map(d =>
        t(
          !d.unattended
            ? 'fl.report.stuck.task.set'
            : d.closestTaskAt === null
              ? 'fl.report.stuck.task.none'
              : 'fl.report.stuck.task.overdue',
        ),
      ),
    );

    const filter = screen.getByRole('button', {
      name: t('fl.report.stuck.filter', { count: fmt.int(idle.length) }),
    });
    expect(filter.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(filter);
    expect(filter.getAttribute('aria-pressed')).toBe('true');
    const rows = [...stuckTable().querySelectorAll('tbody tr')];
    expect(rows.map(tr => tr.querySelector('a')?.getAttribute('href'))).toEqual(
      idle.slice(0, 50).map(d => `/leads/detail/${d.leadId}`),
    );
    expect(stuckTable().querySelector('caption')?.textContent).toBe(
      t('fl.report.stuck.filterCaption', {
        count: fmt.int(idle.length),
        total: fmt.int(r.stuck.length),
      }),
    );
    fireEvent.click(filter);
    expect(stuckTable().querySelectorAll('tbody tr')).toHaveLength(shown.length);
    finish(m);
  });

  it('shows "?" where the nearest task is not known', async () => {
    const m = await mount(input => ({
      ...input,
      leads: input.leads.map(({ closestTaskAt: _, ...l }) => l),
    }));
    const { fmt, t } = m.env;
    const r = m.shown();
    expect(r.stuck.every(d => d.unattended === null)).toBe(true);
    const funnel = screen.getByRole('table', { name: t('fl.report.funnel.caption') });
    // A stage with no deal now counts 0 of 0: nothing there is unknown.
    expect(r.stages.filter(s => s.unattended === null).length).toBeGreaterThan(0);
    expect(bodyCells(funnel).map(row => row.at(-1))).toEqual([
      ...r.stages.map(s => (s.unattended === null ? '?' : fmt.int(s.unattended))),
      '',
    ]);
    expect(r.stages.every(s => s.unattended === null || s.now.count === 0)).toBe(true);
    const stuck = section('stuck').querySelector('table')!;
    const taskCol = headers(stuck).findIndex(h => h.label === t('fl.report.col.task'));
    expect(new Set(bodyCells(stuck).map(row => row[taskCol]))).toEqual(
      new Set([t('fl.report.stuck.task.unknown')]),
    );
    fireEvent.click(
      screen.getByRole('button', { name: t('fl.report.stuck.filter', { count: '0' }) }),
    );
    expect(section('stuck').querySelector('table')).toBeNull();
    expect(screen.getByText(t('fl.report.stuck.filterNone'))).toBeTruthy();
    finish(m);
  });
});
