import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { createHarness, renderPanel, reportReady } from './harness';
import type { Harness } from './harness';

let h: Harness;
afterEach(() => {
  cleanup();
  h.dispose();
});

const totalDeals = () =>
  within(screen.getByLabelText(h.env.t('fl.panel.totals.label')))
    .getByText(h.env.t('fl.panel.totals.deals'))
    .parentElement!.querySelector('.fl-num')!.textContent;

describe('Panel controls drive the report model', () => {
  it('a preset period recomputes the report and the numbers follow it', async () => {
    h = createHarness();
    renderPanel(h);
    const first = await reportReady(h);
    fireEvent.change(screen.getByLabelText(h.env.t('fl.common.period.label')), {
      target: { value: 'last_90' },
    });
    expect(h.report.period.value).toEqual({ kind: 'last_90' });
    const next = await reportReady(h);
    expect(next.period.to - next.period.from).toBe(90 * 86_400);
    expect(next.totals.deals).toBeGreaterThan(first.totals.deals);
    expect(totalDeals()).toBe(h.env.fmt.int(next.totals.deals));
  });

  it('dims the last report while the next one computes, and keeps its numbers', async () => {
    h = createHarness();
    const { container } = renderPanel(h);
    const first = await reportReady(h);
    h.service.hold();
    fireEvent.change(screen.getByLabelText(h.env.t('fl.common.period.label')), {
      target: { value: 'quarter' },
    });
    await waitFor(() => expect(container.querySelector('.fl-report--stale')).not.toBeNull());
    expect(container.querySelector('.fl-report')?.getAttribute('aria-busy')).toBe('true');
    expect(totalDeals()).toBe(h.env.fmt.int(first.totals.deals));
    await act(() => h.service.release());
    const next = await reportReady(h);
    expect(container.querySelector('.fl-report--stale')).toBeNull();
    expect(container.querySelector('.fl-report')?.getAttribute('aria-busy')).toBe('false');
    expect(totalDeals()).toBe(h.env.fmt.int(next.totals.deals));
  });

  it('shows the newest choice when answers come back out of order', async () => {
    h = createHarness();
    renderPanel(h);
    await reportReady(h);
    h.service.hold();
    const period = screen.getByLabelText(h.env.t('fl.common.period.label'));
    fireEvent.change(period, { target: { value: 'last_90' } });
    fireEvent.change(period, { target: { value: 'this_month' } });
    // The newer answer first, then the older one: the older must not overwrite it.
    await act(() => h.service.release('desc'));
    const shown = await reportReady(h);
    expect(shown.period.to - shown.period.from).toBeLessThan(30 * 86_400);
    expect(totalDeals()).toBe(h.env.fmt.int(shown.totals.deals));
  });

  it('a custom range applies only when it is a real range', async () => {
    h = createHarness();
    renderPanel(h);
    await reportReady(h);
    const { t } = h.env;
    fireEvent.change(screen.getByLabelText(t('fl.common.period.label')), {
      target: { value: 'custom' },
    });
    const from = screen.getByLabelText(t('fl.common.period.from'));
    const to = screen.getByLabelText(t('fl.common.period.to'));
    fireEvent.input(from, { target: { value: '2026-11-20' } });
    fireEvent.input(to, { target: { value: '2026-11-01' } });
    fireEvent.click(screen.getByRole('button', { name: t('fl.common.period.apply') }));
    expect(screen.getByRole('alert').textContent).toBe(t('fl.common.period.errorOrder'));
    expect(h.report.period.value).toEqual({ kind: 'last_30' });

    fireEvent.input(to, { target: { value: '2026-11-25' } });
    fireEvent.click(screen.getByRole('button', { name: t('fl.common.period.apply') }));
    expect(h.report.period.value).toEqual({
      kind: 'custom',
      from: { year: 2026, month: 11, day: 20 },
      to: { year: 2026, month: 11, day: 25 },
    });
    const r = await reportReady(h);
    // Midnight to midnight in the account's zone (Moscow, UTC+3), the last day included.
    expect(r.period).toEqual({
      from: Date.UTC(2026, 10, 19, 21) / 1000,
      to: Date.UTC(2026, 10, 25, 21) / 1000,
    });
  });

  it('the manager filter narrows the report to the chosen managers', async () => {
    h = createHarness();
    renderPanel(h);
    const all = await reportReady(h);
    const { t } = h.env;
    const button = screen.getByRole('button', { name: t('fl.common.managers.all') });
    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const busiest = all.managers[0]!;
    const name = h.env.userName(busiest.userId);
    fireEvent.click(screen.getByRole('checkbox', { name }));
    expect(h.report.managers.value).toEqual([busiest.userId]);
    const mine = await reportReady(h);
    expect(mine.options.responsibleUserIds).toEqual([busiest.userId]);
    expect(mine.totals.deals).toBe(busiest.deals);
    expect(totalDeals()).toBe(h.env.fmt.int(busiest.deals));

    fireEvent.keyDown(screen.getByRole('checkbox', { name }), { key: 'Escape' });
    // The list is closed: no manager's box is left (the budgets switch is not the filter's).
    expect(screen.queryByRole('checkbox', { name })).toBeNull();
    const reopened = screen.getByRole('button', { name });
    expect(document.activeElement).toBe(reopened);

    fireEvent.click(reopened);
    fireEvent.click(screen.getByRole('checkbox', { name: t('fl.common.managers.all') }));
    expect(h.report.managers.value).toBeNull();
    expect((await reportReady(h)).totals.deals).toBe(all.totals.deals);
    expect(totalDeals()).toBe(h.env.fmt.int(all.totals.deals));
  });

  it('says so when no deal was created in the period', async () => {
    h = createHarness({
      period: {
        kind: 'custom',
        from: { year: 2026, month: 11, day: 26 },
        to: { year: 2026, month: 11, day: 26 },
      },
    });
    renderPanel(h);
    const r = await reportReady(h);
    expect(r.totals.deals).toBe(0);
    expect(screen.getByText(h.env.t('fl.panel.empty'))).toBeTruthy();
    expect(screen.queryByRole('list', { name: h.env.t('fl.panel.funnel.label') })).toBeNull();
  });
});
