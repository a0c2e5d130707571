/**
 * The card's «Рабочее время» switch (issue 13, metrics.md F.1, F.4): offered only with a working
 * week, remembered per user for the card, and, when on, the time in stage and every step of the
 * path in working hours beside the elapsed ones, the norm labelled calendar and the threshold and
 * "stuck" on the working clock (F.1a).
 */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { buildReport, workingHours } from '../../../../src/core';
import type { OpenDeal, WorkingWeek } from '../../../../src/core';
import { CardModel, DEFAULT_SETTINGS } from '../../../../src/state';
import { CardBlock } from '../../../../src/ui/card';
import { workingText } from '../../../../src/ui/common/workingText';
import { DEMO_NOW } from '../../../support/demo';
import { testEnv, WithEnv } from '../../../support/env';
import type { Demo } from '../fullReport/demoModels';
import { clock, dataModels, demo, until } from '../fullReport/demoModels';

const WEEK: WorkingWeek = {
  days: [1, 2, 3, 4, 5],
  hours: [{ from: 540, to: 1080 }],
  timeZone: 'Europe/Moscow',
  holidays: [],
};
const AT = 'prefs:1:2:card';

beforeEach(() => {
  jest.useFakeTimers({ now: DEMO_NOW * 1000 });
});
afterEach(() => {
  cleanup();
  jest.useRealTimers();
});

/**
 * The engine's own stuck deal on the working clock (F.4, F.1a), with the card's stuck options, to
 * check the card by.
 */
function stuckDeal(d: Demo): OpenDeal {
  const r = buildReport(d.input, {
    from: 0,
    to: DEMO_NOW + 1,
    now: DEMO_NOW,
    workingWeek: WEEK,
    stuckClock: 'working',
    horizonDays: DEFAULT_SETTINGS.horizonDays ?? undefined,
  });
  const deal = r.stuck[0];
  if (deal?.workingHoursInStage === undefined) throw new Error('no stuck deal in the demo');
  return deal;
}

async function mount(
  d: Demo,
  leadId: number,
  opts: { week?: WorkingWeek | null; prefs?: Map<string, string> } = {},
) {
  const models = dataModels(d);
  const prefs = opts.prefs ?? new Map<string, string>();
  const { stuckDaysByStage, horizonDays } = DEFAULT_SETTINGS;
  const card = new CardModel({
    data: models.data,
    service: models.service,
    stuck: { stuckDaysByStage, ...(horizonDays === null ? {} : { horizonDays }) },
    leadId,
    clock,
    workingWeek: opts.week === undefined ? WEEK : opts.week,
    prefs: {
      storage: { get: k => prefs.get(k) ?? null, set: (k, v) => void prefs.set(k, v) },
      at: AT,
    },
  });
  const env = testEnv({ lang: 'ru', managers: d.managers });
  const view = render(
    <WithEnv env={env}>
      <CardBlock data={models.data} card={card} pipelineName={d.input.pipeline.name} />
    </WithEnv>,
  );
  await until(() => card.state.value.status === 'ok', 'the journey');
  const journey = card.state.value.status === 'ok' ? card.state.value.data.journey : null;
  if (!journey) throw new Error('no journey');
  return {
    env,
    card,
    prefs,
    journey,
    done: () => {
      view.unmount();
      card[Symbol.dispose]();
      models.dispose();
    },
  };
}

/** A figure's definition: the tooltip of the hint it sits in. */
const tipOf = (el: Element) =>
  el.closest('.fl-hint')?.querySelector('[role="tooltip"]')?.textContent ?? '';
const norms = (label: string) => screen.getByText(label).closest('div')!;

describe('the card in working hours', () => {
  it('offers no switch and shows elapsed time only when no working week is set', async () => {
    const d = demo();
    const deal = stuckDeal(d);
    const m = await mount(d, deal.leadId, {
      week: null,
      prefs: new Map([[`${AT}:working`, '1']]),
    });
    const { t, fmt } = m.env;
    expect(screen.queryByRole('checkbox', { name: t('fl.working.switch') })).toBeNull();
    expect(norms('На этапе').querySelector('dd')?.textContent).toBe(fmt.days(deal.hoursInStage));
    expect(screen.getByText(t('fl.card.threshold'))).toBeTruthy();
    expect(document.body.textContent).not.toContain('раб. ч');
    m.done();
  });

  it('starts off, and when switched on shows the time in stage and each step in working hours', async () => {
    const d = demo();
    const deal = stuckDeal(d);
    const m = await mount(d, deal.leadId);
    const { t, fmt } = m.env;
    const box = screen.getByRole<HTMLInputElement>('checkbox', { name: t('fl.working.switch') });
    expect(box.checked).toBe(false);
    expect(box.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(box.getAttribute('aria-describedby')!)?.textContent).toBe(
      t('fl.working.switchHint'),
    );
    expect(document.body.textContent).not.toContain('раб. ч');

    await act(() => {
      fireEvent.click(box);
    });
    expect(box.checked).toBe(true);
    expect(m.prefs.get(`${AT}:working`)).toBe('1');
    // The engine is asked again: the threshold and "stuck" come on the working clock (F.1a).
    await until(
      () =>
        m.card.state.value.status === 'ok' &&
        m.card.state.value.data.journey?.current?.norm.workingThreshold !== undefined,
      'the working clock',
    );
    await act(() => undefined);

    // The time in stage: the engine's working hours of the same visit up to the same now.
    const inStage = norms('На этапе');
    expect(inStage.querySelector('dd')?.textContent).toBe(
      t('fl.card.working.value', {
        working: workingText(t, fmt, deal.workingHoursInStage!),
        days: fmt.days(deal.hoursInStage),
      }),
    );
    const inStageTip = tipOf(within(inStage).getByText(t('fl.card.inStage')));
    expect(inStageTip).toContain(t('fl.metric.hoursInStage'));
    expect(inStageTip).toContain(t('fl.working.metric'));
    expect(inStageTip).toContain(t('fl.working.thresholdWorking'));
    expect(inStageTip).not.toContain(t('fl.working.threshold'));

    // The threshold is the working clock's, the same as the report's (F.1a); no calendar label.
    const threshold = norms(t('fl.card.working.thresholdWorking'));
    expect(threshold.querySelector('dd')?.textContent).toBe(
      workingText(t, fmt, deal.thresholdWorkingHours!),
    );
    expect(tipOf(within(threshold).getByText(t('fl.card.working.thresholdWorking')))).toContain(
      t('fl.working.thresholdWorking'),
    );
    expect(screen.queryByText(t('fl.card.working.threshold'))).toBeNull();
    // The norm stays elapsed (F.4), and says so.
    for (const label of ['fl.card.working.median', 'fl.card.working.p90'] as const) {
      const row = norms(t(label));
      expect(row.querySelector('dd')?.textContent).not.toContain('раб. ч');
      expect(tipOf(within(row).getByText(t(label)))).toContain(t('fl.card.working.normWorking'));
    }
    expect(screen.queryByText(t('fl.card.threshold'))).toBeNull();
    // Stuck on the working clock, as the report says, with the working threshold in its hint.
    const badgeTip = tipOf(screen.getByText(t('fl.card.stuck')));
    expect(badgeTip).toContain(t('fl.working.thresholdWorking'));
    expect(badgeTip).toContain(workingText(t, fmt, deal.thresholdWorkingHours!));
    // The bar compares elapsed time with the norm: it is unchanged.
    expect(Number(screen.getByRole('meter').getAttribute('aria-valuenow'))).toBeCloseTo(
      deal.hoursInStage / 24,
      9,
    );

    // Every step of the path: working hours of its own span, the calendar time beside them.
    const steps = screen.getAllByRole('listitem');
    expect(steps).toHaveLength(m.journey.steps.length);
    let past = 0;
    m.journey.steps.forEach((step, i) => {
      const meta = steps[i]!.querySelector('.fl-num');
      if (!meta) return; // won and lost steps have no duration
      if (step.end !== null) past++;
      const hours = workingHours(step.start, step.end ?? DEMO_NOW, WEEK);
      const text = t('fl.card.working.value', {
        working: workingText(t, fmt, hours),
        days: fmt.days(step.hours),
      });
      // The figure is the hint's own text; its definition follows it in the tooltip.
      expect(meta.textContent.startsWith(` · ${text}`)).toBe(true);
      const tip = tipOf(within(steps[i]!).getByText(text));
      expect(tip).toContain(t('fl.card.working.step'));
      expect(tip).toContain(t('fl.working.metric'));
    });
    expect(past).toBeGreaterThan(0);
    expect(steps.at(-1)?.textContent).toContain(workingText(t, fmt, deal.workingHoursInStage!));

    await act(() => {
      fireEvent.click(box);
    });
    expect(m.prefs.get(`${AT}:working`)).toBe('0');
    expect(document.body.textContent).not.toContain('раб. ч');
    expect(screen.getByText(t('fl.card.threshold'))).toBeTruthy();
    m.done();
  });

  it('remembers the switch for the card', async () => {
    const d = demo();
    const deal = stuckDeal(d);
    const m = await mount(d, deal.leadId, { prefs: new Map([[`${AT}:working`, '1']]) });
    const { t } = m.env;
    const box = screen.getByRole<HTMLInputElement>('checkbox', { name: t('fl.working.switch') });
    expect(box.checked).toBe(true);
    expect(document.body.textContent).toContain('раб. ч');
    m.done();
  });

  it('says "more than" for a stage entered before the loaded history, in both units', async () => {
    const from = DEMO_NOW - 45 * 86_400;
    const d = demo(input => ({ ...input, historyFrom: from }));
    const r = buildReport(d.input, {
      from: 0,
      to: DEMO_NOW + 1,
      now: DEMO_NOW,
      includeOpenDeals: true,
      workingWeek: WEEK,
    });
    const deal = r.openDeals?.find(x => x.hoursAtLeast);
    if (deal?.workingHoursInStage === undefined) throw new Error('no censored open deal');
    const m = await mount(d, deal.leadId, { prefs: new Map([[`${AT}:working`, '1']]) });
    const { t, fmt } = m.env;
    const atLeast = (value: string) => t('fl.common.atLeast', { value });
    const text = t('fl.card.working.value', {
      working: atLeast(workingText(t, fmt, deal.workingHoursInStage)),
      days: atLeast(fmt.days(deal.hoursInStage)),
    });
    expect(norms('На этапе').querySelector('dd')?.textContent).toBe(text);
    const last = screen.getAllByRole('listitem').at(-1)!;
    expect(tipOf(within(last).getByText(text))).toContain(t('fl.card.working.stepAtLeast'));
    m.done();
  });
});
