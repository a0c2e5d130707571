import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { buildReport, LOST_STATUS_ID, WON_STATUS_ID } from '../../../../src/core';
import type { FunnelInput, FunnelReport } from '../../../../src/core';
import type { Lang } from '../../../../src/i18n';
import type { CardModel, ServiceStatus } from '../../../../src/state';
import { CardBlock } from '../../../../src/ui/card';
import { DEMO_NOW, PIPELINE_IDS, STATUS_IDS } from '../../../support/demo';
import { testEnv, WithEnv } from '../../../support/env';
import type { Demo, Models } from '../fullReport/demoModels';
import { cardModel, dataModels, demo, until } from '../fullReport/demoModels';

const HOSTILE = '<img src=x onerror=alert(1)>';
const FIRST_LOAD: Partial<ServiceStatus> = {
  phase: 'none',
  version: 0,
  syncedAt: null,
  activity: {
    kind: 'syncing',
    stage: 'window',
    fraction: null,
    secondsLeft: null,
    requests: 1,
    heldFrom: null,
  },
};

beforeEach(() => {
  jest.useFakeTimers({ now: DEMO_NOW * 1000 });
});
afterEach(() => {
  cleanup();
  jest.useRealTimers();
});

/**
 * The engine's report over every pipeline lead (a window from the epoch to now): its stages' time
 * statistics are then over all completed visits, which is exactly the card's stage norm.
 */
function allTimeReport(input: FunnelInput): FunnelReport {
  return buildReport(input, { from: 0, to: DEMO_NOW + 1, now: DEMO_NOW, includeOpenDeals: true });
}

interface Mounted {
  readonly models: Models;
  readonly card: CardModel;
  readonly env: ReturnType<typeof testEnv>;
  readonly view: ReturnType<typeof render>;
}

function mount(
  d: Demo,
  leadId: number,
  opts: { lang?: Lang; status?: Partial<ServiceStatus> } = {},
): Mounted {
  const models = dataModels(d, { status: opts.status ?? {} });
  const card = cardModel(models, leadId);
  const env = testEnv({ lang: opts.lang ?? 'ru', managers: d.managers });
  const view = render(
    <WithEnv env={env}>
      <CardBlock data={models.data} card={card} pipelineName={d.input.pipeline.name} />
    </WithEnv>,
  );
  return { models, card, env, view };
}

async function ready(m: Mounted): Promise<void> {
  await until(() => m.card.state.value.status === 'ok', 'the journey');
}

function finish(m: Mounted): void {
  m.view.unmount();
  m.card[Symbol.dispose]();
  m.models.dispose();
}

function leadAt(d: Demo, statusId: number): number {
  const lead = d.input.leads.find(
    l => l.pipelineId === PIPELINE_IDS.main && l.statusId === statusId && !l.isDeleted,
  );
  if (!lead) throw new Error(`no demo lead at ${statusId}`);
  return lead.id;
}

describe('CardBlock', () => {
  it('shows a stuck deal against its stage norm, with the badge and the threshold', async () => {
    const d = demo();
    const r = allTimeReport(d.input);
    const deal = r.stuck[0]!;
    const stage = r.stages.find(s => s.id === deal.stageId)!;
    const m = mount(d, deal.leadId);
    expect(screen.getByText('Считаем путь сделки…')).toBeTruthy();
    await ready(m);
    const { fmt } = m.env;

    const badge = screen.getByText('завис');
    expect(badge.closest('.fl-hint')?.textContent).toContain(`(${fmt.days(deal.thresholdHours)})`);

    const meter = screen.getByRole('meter', { name: 'Время на текущем этапе' });
    expect(Number(meter.getAttribute('aria-valuenow'))).toBeCloseTo(deal.hoursInStage / 24, 9);
    expect(meter.getAttribute('aria-valuetext')).toBe(
      `${fmt.days(deal.hoursInStage)} на этапе; норма этапа: медиана ${fmt.days(stage.time.medianHours)}, 9 из 10 укладываются в ${fmt.days(stage.time.p90Hours)}`,
    );
    const median = meter.querySelector('.fl-gauge__mark--median');
    const p90 = meter.querySelector('.fl-gauge__mark--p90');
    expect(Number(median?.getAttribute('data-hours'))).toBe(stage.time.medianHours);
    expect(Number(p90?.getAttribute('data-hours'))).toBe(stage.time.p90Hours);
    // The fill runs past the p90 mark: the deal has been there longer than 9 of 10 visits.
    const fill = meter.querySelector<HTMLElement>('.fl-gauge__fill')!;
    expect(parseFloat(fill.style.width)).toBeGreaterThan(
      parseFloat((p90 as HTMLElement).style.left),
    );

    const norms = screen.getByText('Порог «завис»').closest('div')!;
    expect(within(norms).getByText(fmt.days(stage.stuckThresholdHours))).toBeTruthy();
    expect(norms.querySelector('[role="tooltip"]')?.textContent).toBe(
      m.env.t(
        stage.stuckThresholdSource === 'learned'
          ? 'fl.metric.thresholdLearned'
          : 'fl.metric.thresholdDefault',
      ),
    );

    // The stage's norm over all history (metrics.md 11.1) is named apart from the panel's figures
    // for the period, each of its two numbers explains itself, and the sample size reads as one.
    const tipOf = (label: string) =>
      screen.getByText(label).closest('.fl-hint')?.querySelector('[role="tooltip"]')?.textContent;
    const medianTip = tipOf('Норма: медиана');
    const p90Tip = tipOf('Норма: 9 из 10 укладываются в');
    expect(medianTip).toContain(m.env.t('fl.metric.normMedian'));
    expect(p90Tip).toContain(m.env.t('fl.metric.normP90'));
    expect(medianTip).not.toBe(p90Tip);
    expect(medianTip).toMatch(/Завершённых визитов в расчёте: [\d\s\u00a0]+\./);
    expect(`${medianTip} ${p90Tip}`).not.toMatch(/\(\d[\d\s\u00a0]*\)/);
    const periodWords = [
      m.env.t('fl.panel.hint.time'),
      m.env.t('fl.report.col.median'),
      m.env.t('fl.report.col.p90'),
      m.env.t('fl.chart.median'),
    ];
    for (const words of periodWords) {
      expect(words.toLowerCase()).toContain('за период');
      expect(words.toLowerCase()).not.toContain('норма');
    }

    const view = m.card.state.value.status === 'ok' ? m.card.state.value.data : null;
    const steps = screen.getAllByRole('listitem');
    expect(steps).toHaveLength(view?.journey?.steps.length ?? -1);
    const current = steps.at(-1)!;
    expect(current.getAttribute('aria-current')).toBe('step');
    expect(current.textContent).toContain(stage.name);
    expect(current.textContent).toContain(fmt.days(deal.hoursInStage));
    finish(m);
  });

  it('shows no badge for an open deal within its norm', async () => {
    const d = demo();
    const r = allTimeReport(d.input);
    const stuckIds = new Set(r.stuck.map(s => s.leadId));
    const calm = r.openDeals?.find(x => !stuckIds.has(x.leadId))?.leadId;
    if (calm === undefined) throw new Error('no calm open deal in the demo');
    const m = mount(d, calm);
    await ready(m);
    expect(screen.queryByText('завис')).toBeNull();
    expect(screen.getByRole('meter')).toBeTruthy();
    finish(m);
  });

  it.each([
    [
      'won',
      WON_STATUS_ID,
      'Сделка успешно реализована — время на этапе не считается.',
      'Успешно реализовано',
    ],
    [
      'lost',
      LOST_STATUS_ID,
      'Сделка закрыта как нереализованная — время на этапе не считается.',
      'Закрыто и не реализовано',
    ],
  ])(
    'says a %s deal has no time in stage and still shows its path',
    async (_k, status, note, last) => {
      const d = demo();
      const m = mount(d, leadAt(d, status));
      await ready(m);
      expect(screen.getByText(note)).toBeTruthy();
      expect(screen.queryByRole('meter')).toBeNull();
      expect(screen.getAllByRole('listitem').at(-1)?.textContent).toContain(last);
      finish(m);
    },
  );

  it('says a deal in incoming leads is not at a funnel stage', async () => {
    const incoming = STATUS_IDS.main.incoming;
    let chosen = 0;
    const d = demo(input => {
      const open: readonly number[] = STATUS_IDS.main.open;
      const target = input.leads.find(
        l => l.pipelineId === PIPELINE_IDS.main && open.includes(l.statusId),
      );
      chosen = target?.id ?? 0;
      return {
        ...input,
        leads: input.leads.map(l => (l.id === chosen ? { ...l, statusId: incoming } : l)),
      };
    });
    const m = mount(d, chosen);
    await ready(m);
    expect(
      screen.getByText('Сделка ещё в «Неразобранном» — она не на этапе воронки.'),
    ).toBeTruthy();
    expect(screen.getAllByRole('listitem').at(-1)?.textContent).toContain('Неразобранное');
    finish(m);
  });

  it('says when the deal is not in the pipeline data', async () => {
    const d = demo();
    const m = mount(d, 999_999_999);
    await ready(m);
    expect(screen.getByText(/^Сделки нет в данных воронки «Продажи»/)).toBeTruthy();
    finish(m);
  });

  it('says the first load is running while there are no numbers yet', async () => {
    const d = demo();
    const m = mount(d, 1, { status: FIRST_LOAD });
    const { t } = m.env;
    expect(screen.getByText(t('fl.card.firstSync')).getAttribute('role')).toBe('status');
    expect(screen.getByText(t('fl.common.sync.window'))).toBeTruthy();
    expect(m.models.service.asked().journey).toBe(0);
    await act(() => {
      m.models.service.setStatus({ phase: 'complete', version: 1, activity: { kind: 'idle' } });
    });
    await ready(m);
    expect(screen.queryByText(t('fl.card.firstSync'))).toBeNull();
    finish(m);
  });

  it('says why there is nothing when the first sync fails, and retries', () => {
    const d = demo();
    const m = mount(d, 1, {
      status: { ...FIRST_LOAD, activity: { kind: 'idle' }, error: { code: 'NETWORK' } },
    });
    const { t } = m.env;
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain(t('fl.errors.NETWORK'));
    expect(screen.queryByText('Считаем путь сделки…')).toBeNull();
    expect(screen.queryByText(t('fl.card.firstSync'))).toBeNull();
    expect(screen.getByText(t('fl.common.sync.never'))).toBeTruthy();
    fireEvent.click(within(alert).getByRole('button', { name: t('fl.common.retry') }));
    expect(m.models.service.refreshes()).toBe(1);
    finish(m);
  });

  it('keeps the path on screen when a refresh fails', async () => {
    const d = demo();
    const deal = allTimeReport(d.input).stuck[0]!;
    const m = mount(d, deal.leadId);
    await ready(m);
    await act(() => {
      m.models.service.setStatus({ error: { code: 'PIPELINE_GONE' } });
    });
    expect(screen.getByRole('alert').textContent).toContain(m.env.t('fl.errors.PIPELINE_GONE'));
    expect(screen.getByRole('meter')).toBeTruthy();
    finish(m);
  });

  it('shows an engine failure by its code', async () => {
    const d = demo();
    const m = mount(d, 1, { status: { phase: 'none', version: 0, activity: { kind: 'idle' } } });
    m.models.service.setModel(null);
    await act(() => {
      m.models.service.setStatus({ phase: 'complete', version: 1 });
    });
    await until(() => m.card.state.value.status === 'error', 'the failure');
    await act(() => Promise.resolve());
    expect(screen.getByRole('alert').textContent).toBe(m.env.t('fl.errors.engine.NO_DATA'));
    finish(m);
  });

  it('says "more than N days" when the deal entered its stage before the loaded history', async () => {
    const from = DEMO_NOW - 45 * 86_400;
    const d = demo(input => ({ ...input, historyFrom: from }));
    const deal = allTimeReport(d.input).openDeals?.find(x => x.hoursAtLeast);
    if (!deal) throw new Error('no open deal entered its stage before the held history');
    const m = mount(d, deal.leadId);
    await ready(m);
    const { t, fmt } = m.env;
    const atLeast = t('fl.common.atLeast', { value: fmt.days(deal.hoursInStage) });
    expect(atLeast).toMatch(/^больше /);
    const meter = screen.getByRole('meter', { name: 'Время на текущем этапе' });
    expect(meter.getAttribute('aria-valuetext')?.startsWith(`${atLeast} на этапе; `)).toBe(true);
    const inStage = screen.getByText('На этапе').closest('div')!;
    expect(inStage.querySelector('dd')?.textContent).toBe(atLeast);
    expect(inStage.querySelector('[role="tooltip"]')?.textContent).toContain(
      t('fl.metric.hoursAtLeast'),
    );
    // The path's last step began before the history held: its start is only "before" a date.
    const last = screen.getAllByRole('listitem').at(-1)!;
    expect(last.querySelector('time')?.textContent).toBe(
      t('fl.card.before', { date: fmt.date(from) }),
    );
    expect(last.textContent).toContain(atLeast);
    finish(m);
  });

  it('renders stage names from the data as text', async () => {
    const base = demo();
    const deal = allTimeReport(base.input).stuck[0]!;
    const d = demo(input => ({
      ...input,
      pipeline: {
        ...input.pipeline,
        statuses: input.pipeline.statuses.map(s =>
          s.id === deal.stageId ? { ...s, name: HOSTILE } : s,
        ),
      },
    }));
    const m = mount(d, deal.leadId);
    await ready(m);
    expect(m.view.container.querySelector('img')).toBeNull();
    expect(screen.getAllByText(HOSTILE).length).toBeGreaterThan(0);
    finish(m);
  });

  it('speaks English and leaves no timers when unmounted', async () => {
    const d = demo();
    const deal = allTimeReport(d.input).stuck[0]!;
    const m = mount(d, deal.leadId, { lang: 'en' });
    await ready(m);
    expect(screen.getByText('stuck')).toBeTruthy();
    expect(screen.getByRole('meter', { name: 'Time in the current stage' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Path through “Продажи”' })).toBeTruthy();
    finish(m);
    expect(jest.getTimerCount()).toBe(0);
  });
});
