import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import fc from 'fast-check';
import type { Lead, StageReport, StatusChange } from '../../../../src/core';
import { quantile, sortedValues } from '../../../../src/core';
import { isSlow, medianOfMedians } from '../../../../src/ui/panel/stageFacts';
import { DEMO_NOW, STATUS_IDS, USER_IDS } from '../../../support/demo';
import {
  createHarness,
  demoPipelineData,
  exact,
  hintText,
  PID,
  renderPanel,
  reportReady,
} from './harness';
import type { Harness } from './harness';

let h: Harness;
afterEach(() => {
  cleanup();
  h.dispose();
});

const DAY = 86_400;
const [, , , , REQUISITES, CONTRACT] = STATUS_IDS.main.open;

/** 30 deals of the period that spent 20 days at «Реквизиты получены» before moving on. */
function slowRequisites(): { leads: Lead[]; events: StatusChange[] } {
  const leads: Lead[] = [];
  const events: StatusChange[] = [];
  for (let i = 0; i < 30; i++) {
    const id = 2000 + i;
    const created = DEMO_NOW - 25 * DAY + i * 60;
    leads.push({
      id,
      name: `Долгие реквизиты ${i}`,
      pipelineId: PID,
      statusId: CONTRACT,
      createdAt: created,
      updatedAt: created + 20 * DAY,
      closedAt: null,
      price: 5000,
      responsibleUserId: USER_IDS.lebedev,
      lossReasonId: null,
      isDeleted: false,
    });
    const ref = (statusId: number) => ({ pipelineId: PID, statusId });
    events.push(
      {
        id: `s${id}a`,
        leadId: id,
        createdAt: created,
        before: ref(STATUS_IDS.main.incoming),
        after: ref(REQUISITES),
      },
      {
        id: `s${id}b`,
        leadId: id,
        createdAt: created + 20 * DAY,
        before: ref(REQUISITES),
        after: ref(CONTRACT),
      },
    );
  }
  return { leads, events };
}

describe('Funnel rows: the "slow" mark', () => {
  it('marks a stage whose median is at least twice the median of all medians, and says why', async () => {
    const base = demoPipelineData();
    const extra = slowRequisites();
    h = createHarness({
      pipeline: {
        ...base,
        leads: [...base.leads, ...extra.leads],
        events: [...base.events, ...extra.events],
      },
    });
    renderPanel(h);
    const r = await reportReady(h);
    const { t, fmt } = h.env;
    const medians = r.stages.map(s => s.time.medianHours!).sort((a, b) => a - b);
    expect(medians).toHaveLength(7);
    const middle = medians[3]!;
    const list = screen.getByRole('list', { name: t('fl.panel.funnel.label') });
    const rows = within(list).getAllByRole('listitem');
    r.stages.forEach((stage, i) => {
      const slow = stage.time.medianHours! >= 2 * middle;
      expect(rows[i]!.classList.contains('fl-row--slow')).toBe(slow);
      expect(rows[i]!.textContent.includes(t('fl.panel.funnel.slow'))).toBe(slow);
    });
    const requisites = rows[r.stages.findIndex(s => s.id === REQUISITES)]!;
    expect(requisites.classList.contains('fl-row--slow')).toBe(true);
    const median = within(requisites).getByText(
      fmt.days(r.stages.find(s => s.id === REQUISITES)!.time.medianHours),
      exact,
    );
    expect(hintText(median)).toContain(t('fl.panel.hint.slowRule', { median: fmt.days(middle) }));
  });
});

describe('the "slow" rule', () => {
  const stage = (medianHours: number | null): StageReport =>
    ({ time: { samples: 1, medianHours, p90Hours: null, openMedianHours: null } }) as StageReport;

  it('takes the median of the stages that have one', () => {
    expect(medianOfMedians([stage(1), stage(null), stage(9), stage(3)])).toBe(3);
    expect(medianOfMedians([stage(2), stage(4)])).toBe(3);
    expect(medianOfMedians([stage(null)])).toBeNull();
  });

  it('is exactly the engine’s quantile at 0.5, which the panel does not load', () => {
    const hours = fc.option(fc.double({ min: 0, max: 1e6, noNaN: true }), { nil: null });
    fc.assert(
      fc.property(fc.array(hours, { maxLength: 15 }), medians => {
        const present = medians.filter((m): m is number => m !== null);
        expect(medianOfMedians(medians.map(stage))).toBe(quantile(sortedValues(present), 0.5));
      }),
    );
  });

  it('is inclusive at twice the base and never fires without a base', () => {
    expect(isSlow(stage(6), 3)).toBe(true);
    expect(isSlow(stage(5.99), 3)).toBe(false);
    expect(isSlow(stage(null), 3)).toBe(false);
    expect(isSlow(stage(6), null)).toBe(false);
    expect(isSlow(stage(6), 0)).toBe(false);
  });
});

describe('Funnel rows in budgets', () => {
  it('draws each bar as the budget that reached its stage, and the weakest link in budgets too', async () => {
    h = createHarness();
    renderPanel(h);
    await reportReady(h);
    const { t, fmt } = h.env;
    const list = () => screen.getByRole('list', { name: t('fl.panel.funnel.label') });
    const counts = () =>
      within(list())
        .getAllByRole('listitem')
        .map(row => row.querySelector('.fl-bar__count')?.textContent);
    const byDeals = counts();

    fireEvent.click(screen.getByRole('checkbox', { name: t('fl.panel.money') }));
    expect(h.report.money.value).toBe(true);
    await waitFor(() => expect(h.report.report.value?.money).toBeDefined());
    const r = await reportReady(h);
    const money = r.money!;
    await waitFor(() =>
      expect(counts()).toEqual([
        ...money.stages.map(s => fmt.money(s.reached)),
        fmt.money(money.won.reached),
      ]),
    );
    const first = within(list()).getAllByRole('listitem')[0]!;
    expect(hintText(first.querySelector('.fl-bar__count')!)).toContain(t('fl.metric.moneyReached'));
    // The shares stay the contract's, by deals.
    expect(first.querySelector('.fl-row__conv .fl-num')?.textContent).toBe(
      fmt.percent(r.stages[0]!.conversionToNext),
    );
    const weak = money.weakestTransition!;
    expect(
      screen.getByText(
        t('fl.report.funnel.moneyWeakest', {
          reached: fmt.money(weak.reached),
          decided: fmt.money(weak.decided),
          next: fmt.money(weak.next),
          conversion: fmt.percent(weak.conversion),
          decidedConversion: fmt.percent(weak.decidedConversion),
        }),
        exact,
      ),
    ).toBeTruthy();

    fireEvent.click(screen.getByRole('checkbox', { name: t('fl.panel.money') }));
    await waitFor(() => expect(counts()).toEqual(byDeals));
  });
});
