import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import type { OpenDeal, SnoozedDeal } from '../../../../src/core';
import { zonedToEpoch } from '../../../../src/core';
import type { SnoozeControl, SnoozeMarkDraft, SnoozeOutcome } from '../../../../src/state';
import { Drilldown } from '../../../../src/ui/panel/Drilldown';
import { DEMO_NOW } from '../../../support/demo';
import { testEnv, WithEnv } from '../../../support/env';

afterEach(cleanup);

const STAGE = {
  id: 31,
  name: 'Переговоры',
  stuck: 1,
  stuckThresholdHours: 72,
  now: { count: 3, value: 0 },
};
const deal = (leadId: number, hours: number, responsibleUserId = 2): OpenDeal => ({
  leadId,
  stageId: 31,
  hoursInStage: hours,
  hoursAtLeast: false,
  thresholdHours: 72,
  price: 1000,
  responsibleUserId,
  unattended: null,
  closestTaskAt: null,
});
const UNTIL = DEMO_NOW + 5 * 86_400;
// Lead 1 stuck, lead 2 stuck but snoozed (with a reason that looks like markup), lead 3 fresh.
const deals = [deal(1, 200), deal(2, 150), deal(3, 10)];
const snoozed: SnoozedDeal[] = [
  { ...deal(2, 150), until: UNTIL, reason: '<b>ждёт оплату</b>', stuck: true },
];
const names = new Map([
  [1, 'Сделка один'],
  [2, 'Сделка два'],
  [3, 'Сделка три'],
]);

function control(
  outcome: SnoozeOutcome,
  may: (responsible: number | null) => boolean = () => true,
): SnoozeControl & { calls: [number, SnoozeMarkDraft][] } {
  const calls: [number, SnoozeMarkDraft][] = [];
  return {
    fields: { untilFieldId: 77, reasonFieldId: 78 },
    mayEdit: may,
    calls,
    save: (leadId, mark) => {
      calls.push([leadId, mark]);
      return Promise.resolve(outcome);
    },
  };
}

function show(snooze: SnoozeControl | null, withMarks = true) {
  const env = testEnv();
  render(
    <WithEnv env={env}>
      <Drilldown
        deals={deals}
        stage={STAGE}
        names={names}
        pipelineId={7}
        managerIds={null}
        onBack={() => undefined}
        snoozed={withMarks ? snoozed : undefined}
        snooze={snooze}
      />
    </WithEnv>,
  );
  return env;
}

const panel = () => within(screen.getByRole('tabpanel'));

describe('snoozed deals in the drill-down (metrics.md F.6)', () => {
  it('leaves a snoozed deal out of the stuck tab and lists it apart with its date and reason', () => {
    const { t, fmt } = show(control({ ok: true }));
    const tab = screen.getByRole('tab', { name: t('fl.drill.tabSnoozed', { count: 1 }) });
    expect(tab.getAttribute('title')).toBe(t('fl.metric.snoozed'));
    expect(screen.getByRole('tab', { name: t('fl.drill.tabStuck', { count: 1 }) })).toBeTruthy();
    expect(
      panel()
        .getAllByRole('link')
        .map(a => a.textContent),
    ).toEqual(['Сделка один']);
    fireEvent.click(tab);
    expect(
      panel()
        .getAllByRole('link')
        .map(a => a.textContent),
    ).toEqual(['Сделка два']);
    // The reason is text: nothing from the data becomes markup.
    const mark = panel().getByText(
      t('fl.snooze.markReason', { date: fmt.date(UNTIL), reason: '<b>ждёт оплату</b>' }),
    );
    expect(mark.querySelector('b')).toBeNull();
    expect(panel().getByRole('button', { name: t('fl.snooze.unsnooze') })).toBeTruthy();
  });

  it('snoozes a stuck deal from a small form: a future date and an optional reason', async () => {
    const c = control({ ok: true });
    const { t } = show(c);
    fireEvent.click(panel().getByRole('button', { name: t('fl.snooze.action') }));
    const date = panel().getByLabelText<HTMLInputElement>(t('fl.snooze.until'));
    // A past date is refused before any write (the input's `min` stops the browser first; the
    // form checks again, for browsers without date inputs).
    expect(date.min).toBe('2026-11-27'); // the day after DEMO_NOW, in Moscow
    fireEvent.input(date, { target: { value: '2020-01-01' } });
    fireEvent.submit(date.form!);
    expect(panel().getByRole('alert').textContent).toBe(t('fl.snooze.error.date'));
    expect(c.calls).toEqual([]);
    fireEvent.input(date, { target: { value: '2031-03-15' } });
    fireEvent.input(panel().getByLabelText(t('fl.snooze.reason')), {
      target: { value: '  отпуск ' },
    });
    await act(async () => {
      fireEvent.click(panel().getByRole('button', { name: t('fl.snooze.save') }));
      // The answer to the write arrives a microtask later.
      await Promise.resolve();
    });
    const midnight = zonedToEpoch({ year: 2031, month: 3, day: 15 }, 'Europe/Moscow');
    expect(c.calls).toEqual([[1, { until: midnight, reason: 'отпуск' }]]);
    expect(panel().getByRole('status').textContent).toBe(t('fl.snooze.saved'));
  });

  it('says why a write failed and keeps the form as it was', async () => {
    const c = control({ ok: false, error: 'FORBIDDEN' });
    const { t } = show(c);
    fireEvent.click(panel().getByRole('button', { name: t('fl.snooze.action') }));
    await act(async () => {
      fireEvent.click(panel().getByRole('button', { name: t('fl.snooze.save') }));
      // The answer to the write arrives a microtask later.
      await Promise.resolve();
    });
    expect(panel().getByRole('alert').textContent).toBe(t('fl.snooze.error.FORBIDDEN'));
    expect(panel().getByRole('button', { name: t('fl.snooze.save') })).toBeTruthy();
  });

  it('un-snoozes, and offers nothing to a user who may not edit the deal', async () => {
    const c = control({ ok: true });
    const { t } = show(c);
    fireEvent.click(screen.getByRole('tab', { name: t('fl.drill.tabSnoozed', { count: 1 }) }));
    await act(async () => {
      fireEvent.click(panel().getByRole('button', { name: t('fl.snooze.unsnooze') }));
      // The answer to the write arrives a microtask later.
      await Promise.resolve();
    });
    expect(c.calls).toEqual([[2, { until: null, reason: null }]]);
    cleanup();
    show(control({ ok: true }, () => false));
    expect(panel().queryByRole('button', { name: t('fl.snooze.action') })).toBeNull();
  });

  it('shows neither the tab nor the action where the fields are not chosen', () => {
    const { t } = show(null, false);
    expect(screen.getAllByRole('tab')).toHaveLength(2);
    expect(screen.queryByRole('button', { name: t('fl.snooze.action') })).toBeNull();
  });
});
