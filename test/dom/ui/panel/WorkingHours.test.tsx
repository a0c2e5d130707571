import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { isStuck, workingHours } from '../../../../src/core';
import { DEFAULT_SETTINGS } from '../../../../src/state';
import { workingText } from '../../../../src/ui/common/workingText';
import { STATUS_IDS } from '../../../support/demo';
import { createHarness, hintText, renderPanel, reportReady, stageDealsReady } from './harness';
import type { Harness } from './harness';

let h: Harness;
afterEach(() => {
  cleanup();
  h.dispose();
});

const WEEK = {
  days: [1, 2, 3, 4, 5],
  hours: [{ from: 540, to: 1080 }],
  timeZone: 'Europe/Moscow',
  holidays: ['2026-11-04'],
};
const KP = STATUS_IDS.main.open[3];
const switchOf = () => screen.queryByRole<HTMLInputElement>('checkbox', { name: 'Рабочее время' });
const rowOf = (id: number) =>
  document.querySelector<HTMLElement>(`li.fl-row[data-stage-id="${id}"]`)!;

describe('Panel: the working-hours switch (metrics.md F.1, F.4)', () => {
  it('is not offered while the admin has set no working week', async () => {
    h = createHarness();
    renderPanel(h);
    await reportReady(h);
    expect(switchOf()).toBeNull();
    expect(h.service.asked().report).toBeGreaterThan(0);
  });

  it('shows stage times, the first response, deal ages and stuck in working hours (F.1a)', async () => {
    h = createHarness({ settings: { ...DEFAULT_SETTINGS, workingWeek: WEEK } });
    renderPanel(h);
    const elapsed = await reportReady(h);
    const { t, fmt } = h.env;
    const toggle = switchOf()!;
    expect(toggle.checked).toBe(false);
    expect(elapsed.stages[0]?.workingTime).toBeUndefined();
    const timeCell = () => rowOf(KP).querySelector('.fl-row__time .fl-num')!;
    const kpElapsed = elapsed.stages.find(s => s.id === KP)!;
    expect(timeCell().textContent).toBe(fmt.days(kpElapsed.time.medianHours));

    fireEvent.click(toggle);
    expect(h.report.working.value).toBe(true);
    const r = await reportReady(h);
    const kp = r.stages.find(s => s.id === KP)!;
    const w = kp.workingTime!;
    expect(w.samples).toBe(kp.time.samples);
    expect(timeCell().textContent).toBe(workingText(t, fmt, w.medianHours));
    expect(timeCell().textContent).toMatch(/раб\. ч$/);
    const hint = hintText(timeCell());
    expect(hint).toContain(t('fl.working.metric'));
    expect(hint).toContain(workingText(t, fmt, w.p90Hours));
    // F.1a: the threshold is in working hours, and "stuck" is judged on that clock.
    const threshold = kp.stuckThresholdWorkingHours!;
    expect(threshold).toEqual(expect.any(Number));
    expect(r.options.stuckClock).toBe('working');
    // The demo has stuck deals at this stage on either clock.
    expect(kp.stuck).toBeGreaterThan(0);
    const stuckCell = rowOf(KP).querySelector<HTMLElement>('.fl-row__stuck')!;
    expect(stuckCell.textContent).toContain(fmt.int(kp.stuck));
    const stuckHint = hintText(stuckCell.firstElementChild!);
    expect(stuckHint).toContain(t('fl.working.thresholdWorking'));
    expect(stuckHint).toContain(workingText(t, fmt, threshold));
    expect(stuckHint).not.toContain(t('fl.working.threshold'));

    const wr = r.workingResponse!;
    const shownResponse = within(
      screen.getByRole('region', { name: t('fl.panel.incoming.title') }),
    ).getByText(
      t('fl.panel.incoming.responseValue', {
        median: workingText(t, fmt, wr.medianHours),
        p90: workingText(t, fmt, wr.p90Hours),
      }),
    );
    expect(hintText(shownResponse)).toContain(t('fl.working.metric'));

    // Deal ages: the engine's working hours of [start of the visit, now) against the working
    // threshold; the stuck tab holds exactly the stage's stuck count, furthest past it first.
    fireEvent.click(rowOf(KP).querySelector('button.fl-row__main')!);
    await stageDealsReady(h);
    const deals = h.report.selectedDeals.value!;
    const now = r.now;
    for (const d of deals) {
      expect(d.thresholdWorkingHours).toBe(threshold);
      expect(d.workingHoursInStage).toBeCloseTo(
        workingHours(now - d.hoursInStage * 3600, now, WEEK),
        6,
      );
    }
    const stuck = deals.filter(d =>
      isStuck(d.workingHoursInStage!, d.thresholdWorkingHours!, d.hoursAtLeast),
    );
    expect(stuck).toHaveLength(kp.stuck);
    const excess = deals.map(d => d.workingHoursInStage! - d.thresholdWorkingHours!);
    expect(excess).toEqual([...excess].sort((a, b) => b - a));
    const first = deals[0]!;
    const days = within(screen.getByRole('tabpanel'))
      .getAllByRole('listitem')[0]!
      .querySelector('.fl-deal__days')!;
    expect(days.textContent).toBe(
      t('fl.working.dealOfWorking', {
        working: workingText(t, fmt, first.workingHoursInStage!),
        threshold: workingText(t, fmt, threshold),
        days: fmt.days(first.hoursInStage),
      }),
    );
    expect(days.textContent).not.toContain('календ. при');
    expect(hintText(days)).toContain(t('fl.working.thresholdWorking'));
    expect(hintText(days)).not.toContain(t('fl.working.threshold'));

    // Off again: back to elapsed, and the engine is not asked for working hours.
    fireEvent.click(screen.getByRole('button', { name: t('fl.drill.back') }));
    fireEvent.click(switchOf()!);
    const off = await reportReady(h);
    expect(off.stages[0]?.workingTime).toBeUndefined();
    expect(h.report.report.value?.options).not.toHaveProperty('workingWeek');
    expect(h.report.report.value?.options).not.toHaveProperty('stuckClock');
    expect(off.stages[0]).not.toHaveProperty('stuckThresholdWorkingHours');
  });
});
