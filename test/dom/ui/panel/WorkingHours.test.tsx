import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { workingHours } from '../../../../src/core';
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

  it('shows stage times, the first response and deal ages in working hours, thresholds elapsed', async () => {
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
    // The stuck badge's threshold is still the elapsed one, and says so.
    const badge = rowOf(KP).querySelector('.fl-row__stuck .fl-badge');
    if (badge) expect(hintText(badge)).toContain(t('fl.working.threshold'));

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

    // Deal ages: the engine's working hours of [start of the visit, now), threshold elapsed.
    fireEvent.click(rowOf(KP).querySelector('button.fl-row__main')!);
    await stageDealsReady(h);
    const deals = h.report.selectedDeals.value!;
    const first = deals.find(d => d.hoursInStage > d.thresholdHours) ?? deals[0]!;
    const now = r.now;
    expect(first.workingHoursInStage).toBeCloseTo(
      workingHours(now - first.hoursInStage * 3600, now, WEEK),
      6,
    );
    const days = within(screen.getByRole('tabpanel'))
      .getAllByRole('listitem')[0]!
      .querySelector('.fl-deal__days')!;
    expect(days.textContent).toBe(
      t('fl.working.dealOf', {
        working: workingText(t, fmt, first.workingHoursInStage!),
        days: fmt.days(first.hoursInStage),
        threshold: fmt.days(first.thresholdHours),
      }),
    );
    expect(hintText(days)).toContain(t('fl.working.threshold'));

    // Off again: back to elapsed, and the engine is not asked for working hours.
    fireEvent.click(screen.getByRole('button', { name: t('fl.drill.back') }));
    fireEvent.click(switchOf()!);
    const off = await reportReady(h);
    expect(off.stages[0]?.workingTime).toBeUndefined();
    expect(h.report.report.value?.options).not.toHaveProperty('workingWeek');
  });
});
