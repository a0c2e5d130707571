import { act, cleanup, fireEvent, screen, within } from '@testing-library/preact';
import type { Lead } from '../../../../src/core';
import { buildStageListUrl } from '../../../../src/ui/env';
import { DEMO_NOW, STATUS_IDS, USER_IDS } from '../../../support/demo';
import {
  createHarness,
  demoPipelineData,
  exact,
  PID,
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

const KP = STATUS_IDS.main.open[3];
const rowButton = (name: string) =>
  within(screen.getByRole('list', { name: h.env.t('fl.panel.funnel.label') }))
    .getAllByRole('button')
    .find(b => b.querySelector('.fl-row__name')?.textContent === name)!;
const dealLinks = () =>
  within(screen.getByRole('tabpanel')).queryAllByRole<HTMLAnchorElement>('link');

describe('Stage drill-down', () => {
  it('opens on a click with the stuck deals first, each linking to its card', async () => {
    h = createHarness();
    const { container } = renderPanel(h);
    const r = await reportReady(h);
    const { t, fmt } = h.env;
    fireEvent.click(rowButton('Отправлено КП'));
    expect(h.report.selectedStage.value).toBe(KP);
    expect(screen.getByRole('heading', { name: 'Отправлено КП' })).toBeTruthy();
    expect(screen.queryByRole('list', { name: t('fl.panel.funnel.label') })).toBeNull();
    // The panel's report carries no deal lists: the stage's deals are asked for now.
    expect(screen.getByText(t('fl.drill.loading'))).toBeTruthy();
    expect(h.service.asked().stageDeals).toBe(1);
    await stageDealsReady(h);
    expect(screen.queryByText(t('fl.drill.loading'))).toBeNull();

    const stage = r.stages.find(s => s.id === KP)!;
    const expected = r.openDeals!.filter(
      d => d.stageId === KP && d.hoursInStage > d.thresholdHours,
    );
    expect(expected).toHaveLength(stage.stuck);
    const stuckTab = screen.getByRole('tab', {
      name: t('fl.drill.tabStuck', { count: stage.stuck }),
    });
    expect(stuckTab.getAttribute('aria-selected')).toBe('true');
    const names = new Map(h.input.leads.map(l => [l.id, l.name]));
    const links = dealLinks();
    expect(links.map(a => a.getAttribute('href'))).toEqual(
      expected.map(d => `/leads/detail/${d.leadId}`),
    );
    expect(links.map(a => a.textContent)).toEqual(expected.map(d => names.get(d.leadId)));
    expect(expected.map(d => d.hoursInStage - d.thresholdHours)).toEqual(
      expected.map(d => d.hoursInStage - d.thresholdHours).sort((a, b) => b - a),
    );
    const first = links[0]!.closest('li')!;
    const deal = expected[0]!;
    expect(within(first).getByText(h.env.userName(deal.responsibleUserId))).toBeTruthy();
    expect(within(first).getByText(fmt.money(deal.price), exact)).toBeTruthy();
    const days = within(first).getByText(
      t('fl.drill.daysOf', {
        days: fmt.days(deal.hoursInStage),
        threshold: fmt.days(deal.thresholdHours),
      }),
      exact,
    );
    expect(days.closest('.fl-hint')?.textContent).toContain(t('fl.metric.hoursInStage'));

    // The demo's hostile lead name is stuck here: it must show as text, never as markup.
    const hostile = links.find(a => a.textContent === '<img src=x onerror=alert(1)>');
    expect(hostile).toBeDefined();
    expect(container.querySelector('img')).toBeNull();

    expect(fireEvent.click(links[0]!)).toBe(false);
    expect(h.env.navigated).toEqual([`/leads/detail/${deal.leadId}`]);
  });

  it('opens from the keyboard, switches tabs with arrows and Escape returns focus to the row', async () => {
    h = createHarness();
    renderPanel(h);
    const r = await reportReady(h);
    const { t } = h.env;
    const buttons = within(
      screen.getByRole('list', { name: t('fl.panel.funnel.label') }),
    ).getAllByRole('button');
    buttons[0]!.focus();
    for (let i = 0; i < 3; i++) fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(rowButton('Отправлено КП'));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' });
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(document.activeElement).toBe(buttons[buttons.length - 1]);
    fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    expect(document.activeElement).toBe(buttons[0]);
    for (let i = 0; i < 3; i++) fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    // Enter and Space on a <button> make the browser dispatch a click; jsdom does not, so we do.
    fireEvent.click(document.activeElement!);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: t('fl.drill.back') }));
    await stageDealsReady(h);

    const all = r.openDeals!.filter(d => d.stageId === KP);
    const stuckTab = screen.getByRole('tab', { selected: true });
    fireEvent.keyDown(stuckTab, { key: 'ArrowRight' });
    const allTab = screen.getByRole('tab', { name: t('fl.drill.tabAll', { count: all.length }) });
    expect(allTab.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(allTab);
    expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe(allTab.id);
    expect(dealLinks().map(a => a.getAttribute('href'))).toEqual(
      all.map(d => `/leads/detail/${d.leadId}`),
    );
    fireEvent.keyDown(allTab, { key: 'ArrowLeft' });
    expect(screen.getByRole('tab', { selected: true }).textContent).toBe(stuckTab.textContent);
    expect(document.activeElement).toBe(screen.getByRole('tab', { selected: true }));

    fireEvent.keyDown(dealLinks()[0]!, { key: 'Escape' });
    expect(h.report.selectedStage.value).toBeNull();
    expect(document.activeElement).toBe(rowButton('Отправлено КП'));
  });

  it('opens the weakest stage from the callout, with empty states worded per tab', async () => {
    h = createHarness();
    renderPanel(h);
    const r = await reportReady(h);
    const { t, fmt } = h.env;
    fireEvent.click(screen.getByRole('button', { name: 'Квалифицирован → Отправлено КП' }));
    await stageDealsReady(h);
    const weak = r.stages.find(s => s.id === r.weakestTransition!.fromStageId)!;
    expect(weak.stuck).toBe(0);
    expect(screen.getByRole('heading', { name: weak.name })).toBeTruthy();
    // Nothing stuck: the tab with deals opens first.
    const at = r.openDeals!.filter(d => d.stageId === weak.id);
    expect(screen.getByRole('tab', { selected: true }).textContent).toBe(
      t('fl.drill.tabAll', { count: at.length }),
    );
    expect(dealLinks()).toHaveLength(at.length);
    fireEvent.click(screen.getByRole('tab', { name: t('fl.drill.tabStuck', { count: 0 }) }));
    expect(screen.getByRole('tabpanel').textContent).toBe(
      t('fl.drill.emptyStuck', { days: fmt.days(weak.stuckThresholdHours) }),
    );

    fireEvent.click(screen.getByRole('button', { name: t('fl.drill.back') }));
    fireEvent.click(rowButton('Новый лид'));
    await stageDealsReady(h);
    expect(screen.getByRole('tabpanel').textContent).toBe(t('fl.drill.emptyAll'));
  });

  it("opens the stage in amoCRM's own list, and says the list holds all of the stage's deals", async () => {
    h = createHarness();
    renderPanel(h);
    const r = await reportReady(h);
    const { t, fmt } = h.env;
    fireEvent.click(rowButton('Отправлено КП'));
    await stageDealsReady(h);
    const stage = r.stages.find(s => s.id === KP)!;
    const atStage = r.openDeals!.filter(d => d.stageId === KP);
    // The list is filtered by pipeline and stage only: it holds every deal at the stage, not
    // only the stuck ones the tab shows, and the button's count is exactly that list's.
    expect(stage.now.count).toBe(atStage.length);
    expect(stage.stuck).toBeLessThan(stage.now.count);
    const count = t.plural('fl.drill.openListCount', stage.now.count, {
      count: fmt.int(stage.now.count),
    });
    expect(count).toBe(`все ${stage.now.count} сделок этапа`);
    const button = screen.getByRole('button', { name: `${t('fl.drill.openList')} ${count}` });
    expect(button.getAttribute('title')).toBe(t('fl.drill.allHint'));
    fireEvent.click(button);
    const url = `/leads/list/pipeline/${PID}/?filter%5Bpipe%5D%5B${PID}%5D%5B%5D=${KP}&useFilter=y`;
    expect(buildStageListUrl(PID, [KP])).toBe(url);
    expect(h.env.navigated).toEqual([url]);
  });

  it('narrows the list link to the managers the panel is filtered by, and counts the same deals', async () => {
    h = createHarness();
    renderPanel(h);
    await reportReady(h);
    const { t, fmt } = h.env;
    await act(() => h.report.setManagers([USER_IDS.volkov]));
    const r = await reportReady(h);
    expect(r.options.responsibleUserIds).toEqual([USER_IDS.volkov]);
    fireEvent.click(rowButton('Отправлено КП'));
    await stageDealsReady(h);
    const stage = r.stages.find(s => s.id === KP)!;
    const atStage = r.openDeals!.filter(d => d.stageId === KP);
    expect(atStage.every(d => d.responsibleUserId === USER_IDS.volkov)).toBe(true);
    expect(stage.now.count).toBe(atStage.length);
    const count = t.plural('fl.drill.openListCountManagers', stage.now.count, {
      count: fmt.int(stage.now.count),
    });
    fireEvent.click(screen.getByRole('button', { name: `${t('fl.drill.openList')} ${count}` }));
    const url = buildStageListUrl(PID, [KP], [USER_IDS.volkov]);
    expect(url).toBe(
      `/leads/list/pipeline/${PID}/?filter%5Bpipe%5D%5B${PID}%5D%5B%5D=${KP}` +
        `&filter%5Bmain_user%5D%5B%5D=${USER_IDS.volkov}&useFilter=y`,
    );
    expect(h.env.navigated).toEqual([url]);
  });

  it('shows 50 deals, then more on request, and names a lead without a name by its number', async () => {
    const base = demoPipelineData();
    // Imported deals without history: they sit at КП since creation, long past its threshold.
    const extra: Lead[] = Array.from({ length: 61 }, (_, i) => ({
      id: 1000 + i,
      name: i === 0 ? '' : `Импорт ${i}`,
      pipelineId: PID,
      statusId: KP,
      createdAt: DEMO_NOW - (100 + i) * 86_400,
      updatedAt: DEMO_NOW - (100 + i) * 86_400,
      closedAt: null,
      price: 1000 * i,
      responsibleUserId: USER_IDS.volkov,
      lossReasonId: null,
      isDeleted: false,
    }));
    h = createHarness({ pipeline: { ...base, leads: [...base.leads, ...extra] } });
    renderPanel(h);
    const r = await reportReady(h);
    const { t } = h.env;
    fireEvent.click(rowButton('Отправлено КП'));
    await stageDealsReady(h);
    const stuck = r.openDeals!.filter(d => d.stageId === KP && d.hoursInStage > d.thresholdHours);
    expect(stuck.length).toBe(61 + 4);
    expect(dealLinks()).toHaveLength(50);
    expect(screen.getByText(t('fl.drill.shown', { shown: 50, total: stuck.length }))).toBeTruthy();
    fireEvent.click(
      screen.getByRole('button', { name: t('fl.drill.more', { count: stuck.length - 50 }) }),
    );
    expect(dealLinks().map(a => a.getAttribute('href'))).toEqual(
      stuck.map(d => `/leads/detail/${d.leadId}`),
    );
    expect(document.activeElement).toBe(dealLinks()[50]);
    // Everything is shown: the "show more" button is gone.
    expect(within(screen.getByRole('tabpanel')).queryAllByRole('button')).toHaveLength(0);
    const unnamed = dealLinks().find(a => a.getAttribute('href') === '/leads/detail/1000')!;
    expect(unnamed.textContent).toBe(t('fl.drill.lead', { id: 1000 }));
  });

  it('marks deals nobody works (no task, or it is overdue) and filters to them', async () => {
    h = createHarness();
    const { container } = renderPanel(h);
    const r = await reportReady(h);
    const { t, fmt } = h.env;
    const stage = r.stages.find(s => s.id === KP)!;
    // The stage row counts them among every deal at the stage now, with the definition on hover.
    const row = container.querySelector(`.fl-row[data-stage-id="${KP}"]`)!;
    const all = r.openDeals!.filter(d => d.stageId === KP);
    const idle = all.filter(d => d.unattended === true);
    expect(stage.unattended).toBe(idle.length);
    expect(idle.length).toBeGreaterThan(0);
    const count = within(row as HTMLElement).getByText(
      t('fl.panel.funnel.idle', { count: fmt.int(idle.length) }),
    );
    expect(count.closest('.fl-hint')?.textContent).toContain(t('fl.metric.unattended'));

    fireEvent.click(rowButton('Отправлено КП'));
    await stageDealsReady(h);
    fireEvent.click(screen.getByRole('tab', { name: t('fl.drill.tabAll', { count: all.length }) }));
    const badgeOf = (leadId: number) =>
      dealLinks()
        .find(a => a.getAttribute('href') === `/leads/detail/${leadId}`)!
        .closest('li')!
        .querySelector('.fl-deal__task-badge')?.textContent ?? null;
    for (const d of all) {
      expect(badgeOf(d.leadId)).toBe(
        d.unattended !== true
          ? null
          : t(d.closestTaskAt === null ? 'fl.drill.noTask' : 'fl.drill.taskOverdue'),
      );
    }
    const filter = screen.getByRole('checkbox', {
      name: t('fl.drill.idleOnly', { count: fmt.int(idle.length) }),
    });
    fireEvent.click(filter);
    expect(dealLinks().map(a => a.getAttribute('href'))).toEqual(
      idle.slice(0, 50).map(d => `/leads/detail/${d.leadId}`),
    );
    // The filter holds across tabs: on the stuck tab it shows the stuck ones nobody works.
    const stuck = all.filter(d => d.hoursInStage > d.thresholdHours);
    fireEvent.click(
      screen.getByRole('tab', { name: t('fl.drill.tabStuck', { count: stuck.length }) }),
    );
    expect(dealLinks().map(a => a.getAttribute('href'))).toEqual(
      stuck.filter(d => d.unattended === true).map(d => `/leads/detail/${d.leadId}`),
    );
    fireEvent.click(filter);
    expect(dealLinks()).toHaveLength(Math.min(50, stuck.length));
  });
});
