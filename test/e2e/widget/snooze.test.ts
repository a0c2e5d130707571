/**
 * Snoozed deals (docs/metrics.md F.6) in the built widget on the demo account, with the settings
 * naming the demo's two fields (sandbox/demo/snooze.ts): a manager snoozes a stuck deal from the
 * drill-down, the deal leaves the stuck count and is listed apart with its reason, exactly as
 * `funnel-lens report --snooze-fields` says over a fresh dump; a user amoCRM lets edit nothing is
 * not offered the action; a write amoCRM refuses (403) says so and changes nothing; the card's
 * action marks and un-marks a deal.
 */
import type { Page } from 'playwright-core';
import { PIPELINE_IDS, SNOOZE_FIELD_IDS, STATUS_IDS, USER_IDS } from '../../../sandbox/demo';
import type { DemoLead, DemoUser } from '../../../sandbox/demo';
import { saveScreenshot, useSandboxBrowser, waitForPageReady } from '../helpers';
import {
  cliDump,
  cliReportFrom,
  expectPanelEqualsReport,
  panelRows,
  panelWindow,
  waitForFunnel,
} from './support';

const MAIN = PIPELINE_IDS.main;
const LIST = `/leads/list/pipeline/${MAIN}/`;
/** Отправлено КП: the demo keeps deals stuck there. */
const PROPOSAL = STATUS_IDS.main.open[3];
const FIELDS = `${SNOOZE_FIELD_IDS.until},${SNOOZE_FIELD_IDS.reason}`;
const REASON = 'Ждём итогов тендера';
const MSK = 3 * 3600;
const DAY = 86_400;

/** The calendar day `days` after `now` in Moscow (the account's zone), as a date input takes it. */
const mskDay = (now: number, days: number): string =>
  new Date((now + days * DAY + MSK) * 1000).toISOString().slice(0, 10);

const leadIdOf = (href: string | null): number => Number(href?.split('/').pop());

async function openStage(page: Page, stageId: number): Promise<void> {
  await page.locator(`button.fl-row__main[data-stage-id="${stageId}"]`).click();
  await page.waitForSelector('.fl-drill .fl-deal', { timeout: 30_000 });
}

/** The drill-down's tab labels: stuck, all, snoozed. */
const tabTexts = (page: Page): Promise<string[]> =>
  page.locator('.fl-drill .fl-tabs__tab').allTextContents();

describe('snoozed deals in the panel (metrics.md F.6)', () => {
  const env = useSandboxBrowser({ leads: 900 });
  jest.setTimeout(300_000);

  beforeAll(() => {
    env.sandbox.settings.set(env.sandbox.widgetCode, {
      active: 'Y',
      fields: {
        config: JSON.stringify({
          snoozeUntilFieldId: SNOOZE_FIELD_IDS.until,
          snoozeReasonFieldId: SNOOZE_FIELD_IDS.reason,
        }),
      },
    });
  });

  /**
   * Sets a user's leads edit right (null: as their view right, the demo's default). The account is
   * replaced, never mutated: the sandbox caches per account object.
   */
  const setEditRight = (id: number, edit: 'D' | null) => {
    const ctx = env.sandbox.ctx;
    ctx.account = {
      ...ctx.account,
      users: ctx.account.users.map((u): DemoUser => {
        if (u.id !== id) return u;
        const next: DemoUser = { ...u };
        if (edit === null) delete next.leads_edit;
        else next.leads_edit = edit;
        return next;
      }),
    };
  };
  const serverLead = (id: number): DemoLead | undefined =>
    env.sandbox.ctx.account.leads.find(l => l.id === id);

  it('lets a manager snooze a stuck deal from the drill-down; the report agrees', async () => {
    const { page } = await env.open(LIST, { kind: 'list', userId: USER_IDS.volkov });
    await waitForFunnel(page);
    await page.waitForSelector('.fl-panel[data-phase="complete"]', { timeout: 90_000 });
    const before = (await panelRows(page)).find(r => r.stageId === PROPOSAL)!;
    expect(before.stuck).toBeGreaterThan(0);

    await openStage(page, PROPOSAL);
    const tabs = await tabTexts(page);
    expect(tabs).toHaveLength(3);
    // The demo's own marks are read at once: some deals at КП wait already.
    const snoozedBefore = Number(/\((\d+)\)/.exec(tabs[2] ?? '')?.[1]);
    const deal = page.locator('.fl-drill .fl-deal').first();
    const leadId = leadIdOf(await deal.locator('.fl-deal__name').getAttribute('href'));
    const now = Number(await page.locator('.fl-panel').getAttribute('data-now'));
    const day = mskDay(now, 10);
    const valuesBefore = serverLead(leadId)?.custom_fields_values;

    await deal.getByRole('button', { name: 'Отложить', exact: true }).click();
    await deal.getByLabel('Ждёт до').fill(day);
    await deal.getByLabel('Причина (необязательно)').fill(REASON);
    await saveScreenshot(page, 'panel-snooze-form');
    await deal.getByRole('button', { name: 'Сохранить', exact: true }).click();

    // The write lands on the lead (a date at the day's Moscow midnight), then the data refresh
    // moves the deal from the stuck tab to the snoozed one.
    await page.waitForFunction(
      ([stuck, snoozed]) => {
        const texts = [...document.querySelectorAll('.fl-drill .fl-tabs__tab')].map(
          t => t.textContent,
        );
        return (
          texts[0]?.includes(`(${stuck})`) === true && texts[2]?.includes(`(${snoozed})`) === true
        );
      },
      [before.stuck - 1, snoozedBefore + 1] as const,
      { timeout: 60_000 },
    );
    const written = serverLead(leadId)?.custom_fields_values ?? [];
    expect(written).not.toEqual(valuesBefore);
    const until = Date.parse(`${day}T00:00:00Z`) / 1000 - MSK;
    expect(written.find(v => v.field_id === SNOOZE_FIELD_IDS.until)?.values).toEqual([
      { value: String(until) },
    ]);
    expect(written.find(v => v.field_id === SNOOZE_FIELD_IDS.reason)?.values).toEqual([
      { value: REASON },
    ]);

    await page.locator('.fl-drill .fl-tabs__tab').nth(2).click();
    const row = page.locator('.fl-drill .fl-deal', {
      has: page.locator(`.fl-deal__name[href$="/${leadId}"]`),
    });
    await expect(row.locator('.fl-snooze__mark').textContent()).resolves.toContain(REASON);
    await expect(row.getByRole('button', { name: 'Вернуть', exact: true }).count()).resolves.toBe(
      1,
    );
    const drillSnoozed = (
      await page.$$eval('.fl-drill .fl-deal__name', as => as.map(a => a.getAttribute('href')))
    ).map(leadIdOf);
    await row.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'panel-snoozed');

    // A fresh dump (the write included) through the CLI, over the panel's new window.
    await page.getByRole('button', { name: 'Назад к воронке', exact: true }).click();
    await waitForFunnel(page);
    const window = await panelWindow(page);
    const cli = await cliReportFrom(await cliDump(env.sandbox.url, MAIN), MAIN, window, [
      '--snooze-fields',
      FIELDS,
    ]);
    await expectPanelEqualsReport(page, cli);
    const after = (await panelRows(page)).find(r => r.stageId === PROPOSAL)!;
    expect(after.stuck).toBe(before.stuck - 1);
    const mine = cli.snoozed?.find(d => d.leadId === leadId);
    expect(mine).toMatchObject({ until, reason: REASON, stuck: true, stageId: PROPOSAL });
    expect(cli.stuck.some(d => d.leadId === leadId)).toBe(false);
    expect(drillSnoozed).toEqual(
      (cli.snoozed ?? []).filter(d => d.stageId === PROPOSAL).map(d => d.leadId),
    );
  });

  it('lists the snoozed deals apart on the report page, as the CLI does', async () => {
    const { page } = await env.open(LIST, { kind: 'list' });
    await page.waitForSelector('.fl-panel[data-phase="complete"]', { timeout: 90_000 });
    // The report page reads the history the panel synced into this browser.
    await page.goto(`/settings/widgets/${env.sandbox.widgetCode}/`);
    await waitForPageReady(page, 'advanced');
    const section = page.locator('section[aria-labelledby="fl-report-snoozed"]');
    await section.locator('table').waitFor({ timeout: 90_000 });
    const read = (name: string) => page.locator('.fl-report--page').getAttribute(name);
    const window = {
      from: Number(await read('data-from')),
      to: Number(await read('data-to')),
      now: Number(await read('data-now')),
      historyFrom:
        (await read('data-history-from')) === null ? null : Number(await read('data-history-from')),
      horizonDays:
        (await read('data-horizon-days')) === null ? null : Number(await read('data-horizon-days')),
      sideStages: await read('data-side-stages'),
    };
    const cli = await cliReportFrom(await cliDump(env.sandbox.url, MAIN), MAIN, window, [
      '--snooze-fields',
      FIELDS,
    ]);
    const snoozed = cli.snoozed ?? [];
    expect(snoozed.length).toBeGreaterThan(0);
    const rows = await section.locator('tbody tr').evaluateAll(trs =>
      trs.map(tr => ({
        href: tr.querySelector('a')?.getAttribute('href') ?? '',
        reason: tr.children[4]?.textContent ?? '',
        stuck: tr.children[6]?.textContent ?? '',
      })),
    );
    expect(rows.map(r => leadIdOf(r.href))).toEqual(snoozed.map(d => d.leadId));
    expect(rows.map(r => r.reason)).toEqual(snoozed.map(d => d.reason ?? 'не указана'));
    expect(rows.map(r => r.stuck)).toEqual(snoozed.map(d => (d.stuck ? 'да' : 'нет')));
    // The stuck list leaves them out.
    const stuckLinks = await page
      .locator('section[aria-labelledby="fl-report-stuck"] tbody a')
      .evaluateAll(as => as.map(a => a.getAttribute('href') ?? ''));
    expect(stuckLinks.map(leadIdOf).filter(id => snoozed.some(d => d.leadId === id))).toEqual([]);
    await section.scrollIntoViewIfNeeded();
    await page.evaluate(() =>
      document.querySelector('section[aria-labelledby="fl-report-snoozed"]')?.scrollIntoView(),
    );
    await saveScreenshot(page, 'report-snoozed');
  });

  it('offers no snooze to a user amoCRM lets edit no deal', async () => {
    setEditRight(USER_IDS.kozlov, 'D');
    try {
      const { page } = await env.open(LIST, { kind: 'list', userId: USER_IDS.kozlov });
      await waitForFunnel(page);
      await openStage(page, PROPOSAL);
      await expect(page.locator('.fl-drill .fl-deal').count()).resolves.toBeGreaterThan(0);
      await expect(
        page.getByRole('button', { name: 'Отложить', exact: true }).count(),
      ).resolves.toBe(0);
      // The marks are still shown, read-only.
      await page.locator('.fl-drill .fl-tabs__tab').nth(2).click();
      await expect(page.locator('.fl-drill .fl-snooze__mark').count()).resolves.toBeGreaterThan(0);
      await expect(
        page.getByRole('button', { name: 'Вернуть', exact: true }).count(),
      ).resolves.toBe(0);
    } finally {
      setEditRight(USER_IDS.kozlov, null);
    }
  });

  it('shows amoCRM’s refusal (403) and changes nothing', async () => {
    // Павлова may edit her own deals (M) when the page loads; an admin takes the right away
    // before she saves, so amoCRM refuses the write the widget still offers.
    const tracked = await env.open(LIST, { kind: 'list', userId: USER_IDS.pavlova });
    const { page } = tracked;
    // The browser logs the refused request itself; the widget's own handling is checked below.
    tracked.allow(/status of 403 \(Forbidden\)/);
    await waitForFunnel(page);
    const stage = (await panelRows(page)).find(r => r.stuck > 0);
    if (!stage) throw new Error('Павлова has no stuck deal in this demo');
    await openStage(page, stage.stageId);
    const tabsBefore = await tabTexts(page);
    const deal = page.locator('.fl-drill .fl-deal').first();
    const leadId = leadIdOf(await deal.locator('.fl-deal__name').getAttribute('href'));
    const valuesBefore = JSON.stringify(serverLead(leadId)?.custom_fields_values ?? null);
    const updatedBefore = serverLead(leadId)?.updated_at;
    await deal.getByRole('button', { name: 'Отложить', exact: true }).click();
    await deal.getByLabel('Причина (необязательно)').fill(REASON);
    setEditRight(USER_IDS.pavlova, 'D');
    try {
      await deal.getByRole('button', { name: 'Сохранить', exact: true }).click();
      const alert = deal.getByRole('alert');
      await alert.waitFor({ timeout: 30_000 });
      await expect(alert.textContent()).resolves.toBe(
        'amoCRM не разрешила изменить сделку: у вас нет права её редактировать. Ничего не изменено.',
      );
      // The form stays, to try again; the lead and the counts are as they were.
      await expect(
        deal.getByRole('button', { name: 'Сохранить', exact: true }).count(),
      ).resolves.toBe(1);
      expect(JSON.stringify(serverLead(leadId)?.custom_fields_values ?? null)).toBe(valuesBefore);
      expect(serverLead(leadId)?.updated_at).toBe(updatedBefore);
      expect(await tabTexts(page)).toEqual(tabsBefore);
    } finally {
      setEditRight(USER_IDS.pavlova, null);
    }
  });
  it('snoozes and un-snoozes a stuck deal from its card', async () => {
    const list = await env.open(LIST, { kind: 'list' });
    await waitForFunnel(list.page);
    await list.page.waitForSelector('.fl-panel[data-phase="complete"]', { timeout: 90_000 });
    const window = await panelWindow(list.page);
    const cli = await cliReportFrom(await cliDump(env.sandbox.url, MAIN), MAIN, window, [
      '--snooze-fields',
      FIELDS,
    ]);
    const target = cli.stuck.find(d => d.stageId !== PROPOSAL) ?? cli.stuck[0];
    if (!target) throw new Error('no stuck deal in this demo');
    // In the same page: the card reads the history the panel synced (a second full sync in a
    // fresh browser would share the API's rate limit with the CLI's).
    const { page } = list;
    await page.goto(`/leads/detail/${target.leadId}`);
    await waitForPageReady(page, 'card');
    const card = page.locator('.fl-card-root');
    await card.locator('.fl-badge--stuck').waitFor({ timeout: 60_000 });
    await card.getByRole('button', { name: 'Отложить', exact: true }).click();
    await card.getByLabel('Причина (необязательно)').fill(REASON);
    await card.getByRole('button', { name: 'Сохранить', exact: true }).click();
    await card.locator('.fl-snooze__mark').waitFor({ timeout: 60_000 });
    await expect(card.locator('.fl-snooze__mark').textContent()).resolves.toContain(REASON);
    await expect(card.locator('.fl-badge--stuck').count()).resolves.toBe(0);
    const marked = serverLead(target.leadId)?.custom_fields_values ?? [];
    expect(marked.find(v => v.field_id === SNOOZE_FIELD_IDS.reason)?.values).toEqual([
      { value: REASON },
    ]);

    await card.getByRole('button', { name: 'Вернуть', exact: true }).click();
    await card.locator('.fl-badge--stuck').waitFor({ timeout: 60_000 });
    await expect(card.locator('.fl-snooze__mark').count()).resolves.toBe(0);
    const cleared = serverLead(target.leadId)?.custom_fields_values ?? [];
    expect(cleared.some(v => v.field_id === SNOOZE_FIELD_IDS.until)).toBe(false);
    expect(cleared.some(v => v.field_id === SNOOZE_FIELD_IDS.reason)).toBe(false);
  });
});
