import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import type { Lead } from '../../../../src/core';
import { adviceFor } from '../../../../src/ui/advice';
import { buildStageListUrl } from '../../../../src/ui/env';
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

const funnelList = () => screen.getByRole('list', { name: h.env.t('fl.panel.funnel.label') });
const rowsOf = () => within(funnelList()).getAllByRole('listitem');
const num = (scope: Element, selector: string) => {
  const el = scope.querySelector(selector);
  if (!el) throw new Error(`no ${selector}`);
  return el;
};

describe('Panel: the funnel as the engine computed it', () => {
  it('shows one row per stage, then won, with the report numbers and their explanations', async () => {
    h = createHarness();
    renderPanel(h);
    const r = await reportReady(h);
    const { t, fmt } = h.env;
    const rows = rowsOf();
    expect(rows).toHaveLength(r.stages.length + 1);
    const top = r.stages[0]!.reached;
    r.stages.forEach((stage, i) => {
      const row = rows[i]!;
      expect(within(row).getByRole('button').querySelector('.fl-row__name')?.textContent).toBe(
        stage.name,
      );
      const conv = num(row, '.fl-row__conv .fl-num');
      expect(conv.textContent).toBe(fmt.percent(stage.conversionToNext));
      expect(hintText(conv)).toContain(t('fl.metric.conversionToNext'));
      expect(hintText(conv)).toContain(fmt.percent(stage.decidedConversion));
      const reached = num(row, '.fl-bar__count');
      expect(reached.textContent).toBe(fmt.int(stage.reached));
      expect(hintText(reached)).toBe(t('fl.metric.reached'));
      expect((num(row, '.fl-bar') as HTMLElement).style.width).toBe(
        `${(stage.reached / top) * 100}%`,
      );
      const median = num(row, '.fl-row__time .fl-num');
      expect(median.textContent).toBe(fmt.days(stage.time.medianHours));
      expect(hintText(median)).toContain(
        t('fl.panel.hint.time', {
          median: fmt.days(stage.time.medianHours),
          p90: fmt.days(stage.time.p90Hours),
          open: fmt.days(stage.time.openMedianHours),
          samples: fmt.int(stage.time.samples),
        }),
      );
      const badge = row.querySelector('.fl-badge');
      if (stage.stuck === 0) expect(badge).toBeNull();
      else {
        expect(badge?.textContent).toBe(fmt.int(stage.stuck));
        // Read aloud as words, not a bare digit: the digit is hidden, the words are beside it.
        expect(badge?.getAttribute('aria-hidden')).toBe('true');
        expect(badge?.nextElementSibling?.className).toBe('fl-sr-only');
        expect(badge?.nextElementSibling?.textContent).toBe(
          t.plural('fl.panel.funnel.stuck', stage.stuck, { count: fmt.int(stage.stuck) }),
        );
        expect(hintText(badge!)).toContain(
          t('fl.panel.hint.threshold', { days: fmt.days(stage.stuckThresholdHours) }),
        );
        expect(hintText(badge!)).toContain(t('fl.metric.thresholdLearned'));
      }
    });
    const won = rows[r.stages.length]!;
    expect(won.textContent).toContain(t('fl.panel.funnel.won'));
    expect(num(won, '.fl-bar__count').textContent).toBe(fmt.int(r.won.reached));
    expect(hintText(num(won, '.fl-bar__count'))).toBe(t('fl.metric.wonReached'));
    // The demo account's story: stuck deals wait in КП and Договор.
    expect(r.stages.filter(s => s.stuck > 0).map(s => s.name)).toEqual([
      'Отправлено КП',
      'Договор/счет отправлен',
    ]);
  });

  it('highlights the weakest transition and explains it with advice, as on the demo account', async () => {
    h = createHarness();
    renderPanel(h);
    const r = await reportReady(h);
    const { t, fmt } = h.env;
    const weak = r.weakestTransition!;
    const from = r.stages.findIndex(s => s.id === weak.fromStageId);
    expect(r.stages[from]?.name).toBe('Квалифицирован');
    const highlighted = rowsOf().filter(row => row.classList.contains('fl-row--weak'));
    expect(highlighted).toEqual([rowsOf()[from]]);
    expect(highlighted[0]?.textContent).toContain(t('fl.panel.funnel.weak'));

    const open = screen.getByRole('button', { name: 'Квалифицирован → Отправлено КП' });
    const card = open.closest('section')!;
    // Against the previous period as it stood at the same age (metrics.md 11.2).
    const before = r.previous.sameAge.stages.find(
      s => s.id === weak.fromStageId,
    )!.decidedConversion!;
    for (const text of [
      t('fl.panel.weak.conversion', { value: fmt.percent(weak.conversion) }),
      t('fl.panel.weak.decided', { value: fmt.percent(weak.decidedConversion) }),
      t('fl.panel.weak.change', { value: fmt.points(weak.decidedConversion! - before) }),
    ]) {
      expect(hintText(within(card).getByText(text, exact))).not.toBe('');
    }
    expect(within(card).getByText(t(adviceFor(from, r.stages.length))).textContent).toBe(
      t('fl.advice.proposal'),
    );
  });

  it('shows the totals with revenue, the deals still open and the change against the same age', async () => {
    h = createHarness();
    renderPanel(h);
    const r = await reportReady(h);
    const { t, fmt } = h.env;
    const dl = screen.getByLabelText(t('fl.panel.totals.label'));
    const cell = (label: string) => within(dl).getByText(label).parentElement!;
    expect(num(cell(t('fl.panel.totals.deals')), '.fl-num').textContent).toBe(
      fmt.int(r.totals.deals),
    );
    expect(hintText(num(cell(t('fl.panel.totals.deals')), '.fl-num'))).toBe(t('fl.metric.deals'));
    const won = cell(t('fl.panel.totals.won'));
    expect(within(won).getByText(fmt.int(r.totals.won), exact)).toBeTruthy();
    expect(hintText(within(won).getByText(fmt.money(r.totals.revenueWon), exact))).toBe(
      t('fl.metric.revenueWon'),
    );
    expect(num(cell(t('fl.panel.totals.lost')), '.fl-num').textContent).toBe(
      fmt.int(r.totals.lost),
    );
    const conv = cell(t('fl.panel.totals.conversion'));
    expect(hintText(within(conv).getByText(fmt.percent(r.totals.conversion), exact))).toBe(
      t('fl.metric.conversion'),
    );
    const then = r.previous.sameAge.totals;
    const change = within(conv).getByText(
      fmt.points(r.totals.conversion! - then.conversion!),
      exact,
    );
    // The young period is not compared with a finished one: the demo's plain change is another.
    expect(then.conversion).not.toBe(r.previous.totals.conversion);
    expect(hintText(change)).toContain(t('fl.metric.sameAge'));
    expect(hintText(change)).toContain(
      t('fl.panel.hint.sameAgeValue', {
        value: fmt.percent(then.conversion),
        open: fmt.int(then.open),
        deals: fmt.int(then.deals),
        now: fmt.percent(r.previous.totals.conversion),
      }),
    );
    const stillOpen = t('fl.panel.totals.stillOpen', {
      open: fmt.int(r.totals.open),
      deals: fmt.int(r.totals.deals),
    });
    expect(hintText(within(conv).getByText(stillOpen, exact))).toBe(t('fl.metric.open'));
    expect(r.totals.open).toBeGreaterThan(0);
    expect(screen.getByText(t('fl.panel.rights', { user: 'Анна Соколова' }))).toBeTruthy();
  });

  it('shows the incoming queue and the first response as the report has them (metrics.md 11.4)', async () => {
    h = createHarness();
    renderPanel(h);
    const r = await reportReady(h);
    const { t, fmt } = h.env;
    const block = screen.getByRole('region', { name: t('fl.panel.incoming.title') });
    const q = r.incoming;
    expect(q.entered).toBeGreaterThan(0);
    const share = t('fl.panel.incoming.share', {
      share: fmt.percent((q.declined + q.waiting) / q.entered),
      count: fmt.int(q.declined + q.waiting),
      entered: fmt.int(q.entered),
    });
    expect(hintText(within(block).getByText(share, exact))).toBe(t('fl.metric.incomingUnworked'));
    expect(
      within(block).getByText(
        t('fl.panel.incoming.split', {
          declined: fmt.int(q.declined),
          waiting: fmt.int(q.waiting),
        }),
        exact,
      ),
    ).toBeTruthy();
    const response = t('fl.panel.incoming.responseValue', {
      median: fmt.hours(r.response.medianHours),
      p90: fmt.hours(r.response.p90Hours),
    });
    expect(hintText(within(block).getByText(response, exact))).toBe(t('fl.metric.response'));
    // Nobody waits in the demo's incoming status: nothing to open.
    expect(q.waiting).toBe(0);
    expect(within(block).queryByRole('button')).toBeNull();
  });

  it("opens the incoming status in amoCRM's list when requests wait there", async () => {
    const base = demoPipelineData();
    const INCOMING = STATUS_IDS.main.incoming;
    // Two requests of the last days nobody has touched.
    const waiting: Lead[] = [1, 2].map(i => ({
      id: 9000 + i,
      name: `Заявка ${i}`,
      pipelineId: PID,
      statusId: INCOMING,
      createdAt: DEMO_NOW - i * 86_400,
      updatedAt: DEMO_NOW - i * 86_400,
      closedAt: null,
      price: 0,
      responsibleUserId: USER_IDS.volkov,
      lossReasonId: null,
      isDeleted: false,
    }));
    h = createHarness({ pipeline: { ...base, leads: [...base.leads, ...waiting] } });
    renderPanel(h);
    const r = await reportReady(h);
    const { t } = h.env;
    expect(r.incoming.waiting).toBe(2);
    expect(r.response.waiting).toBeGreaterThanOrEqual(2);
    const block = screen.getByRole('region', { name: t('fl.panel.incoming.title') });
    fireEvent.click(within(block).getByRole('button', { name: t('fl.panel.incoming.open') }));
    expect(h.env.navigated).toEqual([buildStageListUrl(PID, [INCOMING])]);
  });
});
