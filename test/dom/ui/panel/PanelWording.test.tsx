import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { DEFAULT_SETTINGS } from '../../../../src/state';
import { MetricHint } from '../../../../src/ui/common/MetricHint';
import { BASE_CSS } from '../../../../src/ui/base.css';
import { PANEL_CSS } from '../../../../src/ui/panel/panel.css';
import { decidedCounts } from '../../../../src/ui/panel/stageFacts';
import { STATUS_IDS } from '../../../support/demo';
import {
  createHarness,
  exact,
  hintText,
  renderPanel,
  reportReady,
  stageDealsReady,
} from './harness';
import type { Harness } from './harness';

let h: Harness | null = null;
afterEach(() => {
  cleanup();
  h?.dispose();
  h = null;
  document.head.querySelectorAll('style[data-test]').forEach(s => s.remove());
});

const KP = STATUS_IDS.main.open[3];
const funnelRows = (harness: Harness) =>
  within(screen.getByRole('list', { name: harness.env.t('fl.panel.funnel.label') }))
    .getAllByRole('listitem')
    .filter(li => li.hasAttribute('data-stage-id'));

describe('Panel: one number, one name', () => {
  it('shows in every row the decided conversion the weakest link is chosen by', async () => {
    h = createHarness();
    renderPanel(h);
    const r = await reportReady(h);
    const { t, fmt } = h.env;
    const weak = r.weakestTransition!;
    const min = r.options.minSample;
    const rows = funnelRows(h);
    expect(rows).toHaveLength(r.stages.length);
    r.stages.forEach((stage, i) => {
      const row = rows[i]!;
      const decided = row.querySelector('.fl-row__decided .fl-num')!;
      const counts = decidedCounts(r.stages, r.won.reached, i);
      const small = counts.total < min;
      expect(decided.textContent).toBe(
        small
          ? t('fl.panel.funnel.decidedSmall', {
              count: fmt.int(counts.count),
              total: fmt.int(counts.total),
            })
          : t('fl.panel.funnel.decided', { value: fmt.percent(stage.decidedConversion) }),
      );
      expect(hintText(decided)).toContain(t('fl.metric.decidedConversion'));
      // Both numbers of a small sample are grey; the plain one keeps amoCRM's meaning.
      const plain = row.querySelector('.fl-row__conv .fl-num')!;
      expect(plain.textContent).toBe(fmt.percent(stage.conversionToNext));
      expect(plain.classList.contains('fl-num--small')).toBe(small);
      expect(decided.classList.contains('fl-num--small')).toBe(small);
      if (small) expect(hintText(plain)).toContain(`${counts.count} из ${counts.total}`);
    });
    // The flagged row shows the lowest decided conversion of the stages that qualify (§8).
    const qualified = r.stages.filter(
      (_, i) => decidedCounts(r.stages, r.won.reached, i).total >= min,
    );
    const lowest = Math.min(...qualified.map(s => s.decidedConversion ?? 1));
    expect(weak.decidedConversion).toBe(lowest);
    const weakRow = rows.find(row => row.classList.contains('fl-row--weak'))!;
    expect(weakRow.getAttribute('data-stage-id')).toBe(String(weak.fromStageId));
    expect(weakRow.querySelector('.fl-row__decided')?.textContent).toContain(
      fmt.percent(weak.decidedConversion),
    );
    // The callout leads with the same number.
    const nums = screen.getByRole('button', { name: /→/ }).closest('section')!;
    const first = nums.querySelector('.fl-weak__nums .fl-num')!;
    expect(first.textContent).toBe(
      t('fl.panel.weak.decided', { value: fmt.percent(weak.decidedConversion) }),
    );
  });

  it('greys a conversion of fewer than minSample decided deals and shows its counts', async () => {
    // A high minimum makes every stage a small sample: "100 %" of a few deals must not pass as
    // a measured share.
    h = createHarness({ settings: { ...DEFAULT_SETTINGS, minSample: 1000 } });
    renderPanel(h);
    const r = await reportReady(h);
    const { t, fmt } = h.env;
    expect(r.weakestTransition).toBeNull();
    const row = funnelRows(h)[0]!;
    const counts = decidedCounts(r.stages, r.won.reached, 0);
    const decided = row.querySelector('.fl-row__decided .fl-num')!;
    expect(decided.textContent).toBe(
      t('fl.panel.funnel.decidedSmall', {
        count: fmt.int(counts.count),
        total: fmt.int(counts.total),
      }),
    );
    expect(decided.classList.contains('fl-num--small')).toBe(true);
    expect(row.querySelector('.fl-row__conv .fl-num')?.classList.contains('fl-num--small')).toBe(
      true,
    );
    expect(hintText(decided)).toContain(
      t('fl.panel.hint.small', {
        min: fmt.int(1000),
        count: fmt.int(counts.count),
        total: fmt.int(counts.total),
      }),
    );
  });

  it('words the stage hints without a doubled period, a vague «из» or «p90» alone', async () => {
    h = createHarness();
    renderPanel(h);
    const r = await reportReady(h);
    const { t, fmt } = h.env;
    const stuckStage = r.stages.find(s => s.stuck > 0)!;
    const row = funnelRows(h).find(
      li => li.getAttribute('data-stage-id') === String(stuckStage.id),
    )!;
    const stuckHint = hintText(row.querySelector('.fl-row__stuck .fl-badge')!);
    expect(stuckHint).toContain(
      t('fl.panel.hint.threshold', { days: fmt.days(stuckStage.stuckThresholdHours) }),
    );
    expect(stuckHint).not.toMatch(/\.\./);
    const timeHint = hintText(row.querySelector('.fl-row__time .fl-num')!);
    expect(timeHint).toContain('За период');
    expect(timeHint).toContain('9 из 10 визитов короче');
    expect(timeHint).toContain('как минимум вдвое больше');
    expect(timeHint).not.toContain('не меньше чем вдвое');

    fireEvent.click(row.querySelector('button.fl-row__main')!);
    await stageDealsReady(h);
    const deal = r.openDeals!.find(
      d => d.stageId === stuckStage.id && d.hoursInStage > d.thresholdHours,
    )!;
    const days = screen.getByText(
      `${fmt.days(deal.hoursInStage)} при пороге ${fmt.days(deal.thresholdHours)}`,
      exact,
    );
    expect(days).toBeTruthy();
  });

  it('gives a deal name cut by the narrow panel its full text as a title', async () => {
    h = createHarness();
    renderPanel(h);
    await reportReady(h);
    fireEvent.click(
      funnelRows(h)
        .find(li => li.getAttribute('data-stage-id') === String(KP))!
        .querySelector('button.fl-row__main')!,
    );
    await stageDealsReady(h);
    const links = within(screen.getByRole('tabpanel')).getAllByRole('link');
    expect(links.length).toBeGreaterThan(0);
    for (const a of links) expect(a.getAttribute('title')).toBe(a.textContent);
    for (const name of document.querySelectorAll('.fl-drill__title, .fl-row__name'))
      expect(name.getAttribute('title') ?? name.textContent).toBe(name.textContent);
  });
});

describe('MetricHint placement', () => {
  it('keeps the explanation out of uppercase labels', () => {
    const style = document.createElement('style');
    style.setAttribute('data-test', '');
    style.textContent = `${BASE_CSS}\n${PANEL_CSS}`;
    document.head.appendChild(style);
    render(
      <div class="funnel-lens">
        <h3 class="fl-weak__title">
          <MetricHint text="Слабое звено: этап с самой низкой решённой конверсией">
            Слабое звено
          </MetricHint>
        </h3>
      </div>,
    );
    const title = document.querySelector('.fl-weak__title')!;
    expect(getComputedStyle(title).textTransform).toBe('uppercase');
    expect(getComputedStyle(document.querySelector('[role="tooltip"]')!).textTransform).toBe(
      'none',
    );
  });

  it('shifts a bubble back inside the panel when it would be cut at the left edge', async () => {
    render(
      <div class="fl-panel__body" style={{ overflowY: 'auto' }}>
        <MetricHint text="Медиана за период">4,9 дн.</MetricHint>
      </div>,
    );
    const body = document.querySelector<HTMLElement>('.fl-panel__body')!;
    const tip = document.querySelector<HTMLElement>('[role="tooltip"]')!;
    const rect = (left: number, width: number) =>
      ({
        left,
        right: left + width,
        width,
        top: 0,
        bottom: 10,
        height: 10,
        x: left,
        y: 0,
      }) as DOMRect;
    body.getBoundingClientRect = () => rect(600, 360);
    // Right-aligned to a value near the panel's left edge, a 280 px bubble starts 200 px outside.
    tip.getBoundingClientRect = () => rect(400, 280);
    fireEvent.mouseEnter(screen.getByText('4,9 дн.'));
    expect(tip.style.transform).toBe('translateX(204px)');
    // Inside already: no shift.
    tip.getBoundingClientRect = () => rect(640, 280);
    await act(() => screen.getByText('4,9 дн.').focus());
    expect(tip.style.transform).toBe('');
  });
});
