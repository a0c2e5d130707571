/**
 * What the panel's numbers rest on (issue #8): the phase of the data (nothing, the window, the
 * whole history), the window's deals counted from the leads alone while stage history loads, and
 * a note whenever the period or the one it is compared with begins before the loaded history.
 */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import type { PartialCounts } from '../../../../src/state';
import { DEFAULT_SETTINGS } from '../../../../src/state';
import { buildFunnel } from '../../../../src/core';
import { DEMO_NOW, STATUS_IDS } from '../../../support/demo';
import {
  createHarness,
  demoPipelineData,
  exact,
  firstLoad,
  hintText,
  panelRoot,
  renderPanel,
  reportReady,
  stageDealsReady,
} from './harness';
import type { Harness } from './harness';

let h: Harness;
afterEach(() => {
  cleanup();
  h.dispose();
});

const DAY = 86_400;
/** The demo's main pipeline as held when the loaded history starts `days` before DEMO_NOW. */
const heldSince = (days: number) => ({ ...demoPipelineData(), historyFrom: DEMO_NOW - days * DAY });
const note = () => screen.queryByRole('note');
const totals = () => screen.getByLabelText(h.env.t('fl.panel.totals.label'));
const conversionCell = () =>
  within(totals()).getByText(h.env.t('fl.panel.totals.conversion')).parentElement!;

describe('Panel: the phase of the data', () => {
  it('marks its root none → window → complete as the service loads', async () => {
    h = createHarness({ status: firstLoad(0.1, null) });
    const { container } = renderPanel(h);
    expect(panelRoot(container).getAttribute('data-phase')).toBe('none');
    await h.status({
      phase: 'window',
      version: 1,
      syncedAt: DEMO_NOW,
      activity: {
        kind: 'syncing',
        stage: 'backfill',
        fraction: 0.2,
        secondsLeft: null,
        requests: 9,
        heldFrom: DEMO_NOW - 70 * DAY,
      },
    });
    expect(panelRoot(container).getAttribute('data-phase')).toBe('window');
    await reportReady(h);
    await h.status({ phase: 'complete', activity: { kind: 'idle' } });
    expect(panelRoot(container).getAttribute('data-phase')).toBe('complete');
  });

  it('carries the history and horizon the numbers were computed with', async () => {
    h = createHarness({ pipeline: heldSince(90) });
    const { container } = renderPanel(h);
    const r = await reportReady(h);
    const root = panelRoot(container);
    expect(r.options.historyFrom).toBe(DEMO_NOW - 90 * DAY);
    expect(root.getAttribute('data-history-from')).toBe(String(DEMO_NOW - 90 * DAY));
    expect(root.getAttribute('data-horizon-days')).toBe(String(DEFAULT_SETTINGS.horizonDays));
    expect(root.getAttribute('data-from')).toBe(String(r.period.from));
    expect(root.getAttribute('data-to')).toBe(String(r.period.to));
    expect(root.getAttribute('data-now')).toBe(String(DEMO_NOW));
  });

  it('leaves the history attributes out when all history is held and there is no horizon', async () => {
    h = createHarness({ settings: { ...DEFAULT_SETTINGS, horizonDays: null } });
    const { container } = renderPanel(h);
    const r = await reportReady(h);
    expect(r.options.historyFrom).toBeNull();
    expect(r.options.horizonDays).toBeNull();
    const root = panelRoot(container);
    expect(root.hasAttribute('data-history-from')).toBe(false);
    expect(root.hasAttribute('data-horizon-days')).toBe(false);
  });

  it('passes the horizon from the settings to the numbers', async () => {
    h = createHarness({ settings: { ...DEFAULT_SETTINGS, horizonDays: 730 } });
    const { container } = renderPanel(h);
    const r = await reportReady(h);
    expect(r.options.horizonDays).toBe(730);
    expect(panelRoot(container).getAttribute('data-horizon-days')).toBe('730');
  });
});

describe('Panel: the last visit’s numbers while the cache is read', () => {
  it('shows them at once, says as of when, and gives way to the current ones', async () => {
    const storage = new Map<string, string>();
    h = createHarness({ storage });
    const first = renderPanel(h);
    const kept = await reportReady(h);
    first.unmount();
    h.dispose();
    expect(storage.size).toBe(1);

    // The next page load: the worker is still reading the cache.
    h = createHarness({
      storage,
      status: { ...firstLoad(null, null), activity: { kind: 'opening' } },
    });
    h.time.now += 90_000;
    const { container } = renderPanel(h);
    const root = panelRoot(container);
    expect(root.getAttribute('data-phase')).toBe('snapshot');
    expect(root.getAttribute('data-now')).toBe(String(kept.now));
    expect(note()?.textContent).toBe(
      h.env.t('fl.panel.snapshot', { time: h.env.fmt.dateTime(kept.now) }),
    );
    expect(within(totals()).getByText(h.env.t('fl.panel.totals.conversion'))).toBeTruthy();
    // The last visit's numbers are not what the service computed: nothing to tell it yet.
    expect(h.service.shownCount()).toBe(0);

    await h.status({ phase: 'complete', version: 1, activity: { kind: 'idle' } });
    const fresh = await reportReady(h);
    // Drawn (effects run after the paint): the service hears it, and may start its backfill.
    await waitFor(() => expect(h.service.shownCount()).toBeGreaterThan(0));
    expect(fresh.now).toBe(kept.now + 90);
    expect(root.getAttribute('data-phase')).toBe('complete');
    expect(root.getAttribute('data-now')).toBe(String(fresh.now));
    expect(
      screen.queryByText(h.env.t('fl.panel.snapshot', { time: h.env.fmt.dateTime(kept.now) })),
    ).toBeNull();
  });
});

describe('Panel: the window counted from its leads while history loads', () => {
  const [FIRST, , , KP] = STATUS_IDS.main.open;
  const counts = (period = { from: 0, to: 1 }): PartialCounts => ({
    period,
    deals: 1234,
    won: 56,
    lost: 78,
    open: 1100,
    atStage: { [String(FIRST)]: 1000, [String(KP)]: 100 },
  });

  it('shows the counts marked as still counting, with no conversion, then the funnel', async () => {
    h = createHarness({
      status: { ...firstLoad(0.3, null), pipelines: [demoPipelineData().pipeline] },
      prepare: s => s.setPartial(counts()),
    });
    renderPanel(h);
    const { t, fmt } = h.env;
    const section = await screen.findByRole('region', { name: t('fl.panel.partial.title') });
    expect(section.getAttribute('aria-busy')).toBe('true');
    expect(t('fl.panel.partial.title')).toMatch(/подсчёт идёт/);
    expect(within(section).getByText(t('fl.panel.partial.note'))).toBeTruthy();
    const value = (label: string) =>
      within(section).getByText(label).parentElement!.querySelector('dd')!.textContent;
    expect(value(t('fl.panel.totals.deals'))).toBe(fmt.int(1234));
    expect(value(t('fl.panel.totals.won'))).toBe(fmt.int(56));
    expect(value(t('fl.panel.totals.lost'))).toBe(fmt.int(78));
    expect(value(t('fl.panel.partial.open'))).toBe(fmt.int(1100));
    // Every open stage in funnel order, the ones without deals at zero.
    const stages = buildFunnel(h.input.pipeline).stages;
    const rows = within(
      within(section).getByRole('list', { name: t('fl.panel.partial.atStage') }),
    ).getAllByRole('listitem');
    expect(rows.map(r => r.querySelector('.fl-partial__stage')?.textContent)).toEqual(
      stages.map(s => s.name),
    );
    expect(rows.map(r => r.querySelector('.fl-num')?.textContent)).toEqual(
      stages.map(s => fmt.int(s.id === FIRST ? 1000 : s.id === KP ? 100 : 0)),
    );
    // Conversions need the stage history: none is shown, in words or as a percentage.
    expect(within(section).queryByText(t('fl.panel.totals.conversion'))).toBeNull();
    expect(section.textContent).not.toContain('%');
    expect(screen.queryByText(t('fl.panel.waitingData'))).toBeNull();
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('30');
    expect(screen.getByText(fmt.percent(0.3), exact)).toBeTruthy();
    expect(h.service.asked().partial).toBeGreaterThan(0);
    expect(h.service.asked().report).toBe(0);

    await h.status({ phase: 'window', version: 1, syncedAt: DEMO_NOW });
    const r = await reportReady(h);
    expect(screen.queryByRole('region', { name: t('fl.panel.partial.title') })).toBeNull();
    expect(
      within(totals()).getByText(t('fl.panel.totals.deals')).parentElement!.textContent,
    ).toContain(fmt.int(r.totals.deals));
  });

  it('lists no stages before the pipeline is known', async () => {
    h = createHarness({
      status: { ...firstLoad(), pipelines: [] },
      prepare: s => s.setPartial(counts()),
    });
    renderPanel(h);
    const section = await screen.findByRole('region', {
      name: h.env.t('fl.panel.partial.title'),
    });
    expect(within(section).queryByRole('list')).toBeNull();
    expect(section.textContent).toContain(h.env.fmt.int(1234));
  });

  it('shows no partial counts once numbers are in', async () => {
    h = createHarness({ prepare: s => s.setPartial(counts()) });
    renderPanel(h);
    await reportReady(h);
    expect(screen.queryByRole('region', { name: h.env.t('fl.panel.partial.title') })).toBeNull();
    expect(h.service.asked().partial).toBe(0);
  });
});

describe('Panel: a note when the numbers rest on less history than asked', () => {
  it.each([
    ['complete', 'fl.panel.history.periodBeyond'],
    ['window', 'fl.panel.history.periodLoading'],
  ] as const)('says the period begins before the loaded history (%s)', async (phase, key) => {
    h = createHarness({ pipeline: heldSince(10), status: { phase } });
    renderPanel(h);
    const r = await reportReady(h);
    const { t, fmt } = h.env;
    expect(r.period.from).toBeLessThan(DEMO_NOW - 10 * DAY);
    expect(note()?.textContent).toBe(t(key, { date: fmt.date(DEMO_NOW - 10 * DAY) }));
    expect(note()?.textContent).toContain(fmt.date(DEMO_NOW - 10 * DAY));
  });

  it.each([
    ['complete', 'fl.panel.history.previousBeyond'],
    ['window', 'fl.panel.history.previousLoading'],
  ] as const)(
    'says the previous period begins before the loaded history, and compares nothing (%s)',
    async (phase, key) => {
      h = createHarness({ pipeline: heldSince(45), status: { phase } });
      renderPanel(h);
      const r = await reportReady(h);
      const { t, fmt } = h.env;
      expect(r.period.from).toBeGreaterThanOrEqual(DEMO_NOW - 45 * DAY);
      expect(r.previous.period.from).toBeLessThan(DEMO_NOW - 45 * DAY);
      expect(note()?.textContent).toBe(t(key, { date: fmt.date(DEMO_NOW - 45 * DAY) }));
      // The note says the comparison is not shown: neither the totals nor the weakest link do.
      expect(conversionCell().querySelector('.fl-trend')).toBeNull();
      const weak = screen.getByRole('button', { name: 'Квалифицирован → Отправлено КП' });
      expect(weak.closest('section')!.querySelector('.fl-trend')).toBeNull();
    },
  );

  it('says nothing and compares when both periods are inside the loaded history', async () => {
    h = createHarness({ pipeline: heldSince(90) });
    renderPanel(h);
    const r = await reportReady(h);
    expect(r.previous.period.from).toBeGreaterThanOrEqual(DEMO_NOW - 90 * DAY);
    expect(note()).toBeNull();
    expect(conversionCell().querySelector('.fl-trend')?.textContent).toBe(
      h.env.fmt.points(r.totals.conversion! - r.previous.sameAge.totals.conversion!),
    );
  });

  it('says nothing when all history is held', async () => {
    h = createHarness();
    renderPanel(h);
    await reportReady(h);
    expect(note()).toBeNull();
  });
});

describe('Panel: deals whose time at the stage is a lower bound', () => {
  it('says "more than N days" for a deal that entered its stage before the loaded history', async () => {
    h = createHarness({ pipeline: heldSince(45) });
    renderPanel(h);
    const r = await reportReady(h);
    const { t, fmt } = h.env;
    const bounded = r.stuck.find(d => d.hoursAtLeast);
    if (!bounded) throw new Error('no stuck deal entered its stage before the held history');
    // Its time is the time since the held history began: a lower bound.
    expect(bounded.hoursInStage).toBe(45 * 24);
    const stage = r.stages.find(s => s.id === bounded.stageId)!;
    fireEvent.click(
      within(screen.getByRole('list', { name: t('fl.panel.funnel.label') }))
        .getAllByRole('button')
        .find(b => b.querySelector('.fl-row__name')?.textContent === stage.name)!,
    );
    await stageDealsReady(h);
    const row = within(screen.getByRole('tabpanel'))
      .getAllByRole('link')
      .find(a => a.getAttribute('href') === `/leads/detail/${bounded.leadId}`)!
      .closest('li')!;
    const days = row.querySelector('.fl-deal__days')!;
    expect(days.textContent).toBe(
      t('fl.drill.daysOf', {
        days: t('fl.common.atLeast', { value: fmt.days(bounded.hoursInStage) }),
        threshold: fmt.days(bounded.thresholdHours),
      }),
    );
    expect(days.textContent).toMatch(/^больше /);
    expect(hintText(days)).toContain(t('fl.metric.hoursAtLeast'));

    // A deal whose entry is inside the held history reads its time as it is.
    const all = r.openDeals!.filter(d => d.stageId === stage.id);
    const exactDeal = all.find(d => !d.hoursAtLeast)!;
    expect(exactDeal).toBeDefined();
    fireEvent.click(screen.getByRole('tab', { name: t('fl.drill.tabAll', { count: all.length }) }));
    const other = within(screen.getByRole('tabpanel'))
      .getAllByRole('link')
      .find(a => a.getAttribute('href') === `/leads/detail/${exactDeal.leadId}`)!
      .closest('li')!
      .querySelector('.fl-deal__days')!;
    expect(other.textContent).toBe(
      t('fl.drill.daysOf', {
        days: fmt.days(exactDeal.hoursInStage),
        threshold: fmt.days(exactDeal.thresholdHours),
      }),
    );
    expect(hintText(other)).not.toContain(t('fl.metric.hoursAtLeast'));
  });
});
