/**
 * What a load costs in requests (issue #8, "requests at the floor"): the built widget in Chromium
 * on a fresh profile against the sandbox, counted by the sandbox (`/_sandbox/stats`), against the
 * fewest requests amoCRM's page sizes allow for the same data, computed from the sandbox's
 * account. Needs `npm run build` and `npm run build:sandbox` first (bench.ts runs them).
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import type { DemoAccount } from '../../sandbox/demo/types';
import { mainPipeline, startHostSandbox, type RunningHostSandbox } from '../../sandbox/server/host';
import { chromiumPath } from '../chromium';

const LEADS_PAGE = 250;
const EVENTS_PAGE = 100;
/** amoCRM's cap on `filter[entity_id]`. */
const ENTITY_IDS = 10;

export interface RequestFigures {
  readonly leads: number;
  /** Requests the browser sent before the panel turned to its window phase. */
  readonly coldWindowRequests: number;
  /**
   * The sandbox's count when the harness saw the window phase: by then the backfill has usually
   * sent its first few requests, which the window did not wait for.
   */
  readonly coldWindowSeenRequests: number;
  readonly coldWindowFloor: number;
  readonly coldWindowMs: number;
  readonly backfillRequests: number;
  readonly backfillFloor: number;
  readonly backfillMs: number;
  /** A reload right after the backfill: the cache is fresh, nothing is asked. */
  readonly reloadRequests: number;
  /** The panel's refresh pressed with nothing changed. */
  readonly idleRefreshRequests: number;
  readonly rejected429: number;
}

/**
 * The fewest pages that hold the pipeline's data from `from` on (null = all of it): its leads, the
 * status changes into or out of it, and — for metrics.md 11.4's first response — the earlier moves
 * of every lead that came into it from another pipeline, which amoCRM gives only by lead id, ten
 * leads a request.
 */
export function requestFloor(
  account: DemoAccount,
  pipelineId: number,
  from: number | null,
): number {
  const pipeline = account.pipelines.find(p => p.id === pipelineId);
  if (!pipeline) throw new Error(`no pipeline ${pipelineId}`);
  const ours = new Set(pipeline.statuses.map(s => s.id));
  const inPipeline = (v: { lead_status: { id: number; pipeline_id: number } } | undefined) =>
    v !== undefined && v.lead_status.pipeline_id === pipelineId && ours.has(v.lead_status.id);
  const leads = account.leads.filter(l => l.pipeline_id === pipelineId && !l.is_deleted);
  const since = from ?? Number.NEGATIVE_INFINITY;
  const created = leads.filter(l => l.created_at >= since).length;
  const openBefore = leads.filter(
    l => l.created_at < since && l.status_id !== 142 && l.status_id !== 143,
  ).length;
  let changes = 0;
  const arrived = new Set<number>();
  for (const e of account.events) {
    if (e.type !== 'lead_status_changed' || e.created_at < since) continue;
    if (inPipeline(e.value_before[0]) || inPipeline(e.value_after[0])) changes++;
    if (!inPipeline(e.value_before[0]) && inPipeline(e.value_after[0])) arrived.add(e.entity_id);
  }
  return (
    Math.ceil(created / LEADS_PAGE) +
    Math.ceil(openBefore / LEADS_PAGE) +
    Math.ceil(changes / EVENTS_PAGE) +
    Math.ceil(arrived.size / ENTITY_IDS)
  );
}

const total = (sandbox: RunningHostSandbox) => sandbox.ctx.stats.snapshot().requests.total;

/** Waits until the sandbox has seen no request for `quietMs`. */
async function quiet(sandbox: RunningHostSandbox, quietMs: number): Promise<void> {
  let seen = total(sandbox);
  let since = Date.now();
  for (;;) {
    await new Promise(wake => setTimeout(wake, 250));
    const now = total(sandbox);
    if (now !== seen) {
      seen = now;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) return;
  }
}

/**
 * Notes in the page when the panel first shows its window phase. The harness sees the attribute a
 * little later, and by then the backfill has started; a request the window needed was sent (and
 * answered) before this moment, so counting the requests sent before it is exact for the window.
 */
const WINDOW_MARK = `new MutationObserver(function () {
  if (!window.__flWindowAt && document.querySelector('.fl-panel[data-phase="window"]'))
    window.__flWindowAt = Date.now();
}).observe(document, { subtree: true, attributes: true, childList: true });`;

async function panelAt(page: Page, phase: 'window' | 'complete', timeout: number): Promise<void> {
  await page.waitForSelector(`.fl-panel[data-phase="${phase}"] .fl-funnel .fl-row`, { timeout });
}

export async function measureRequests(leads: number): Promise<RequestFigures> {
  const sandbox = await startHostSandbox({ port: 0, demo: { leads } });
  let browser: Browser | undefined;
  try {
    // The whole history: the backfill goes back as far as the account does.
    sandbox.settings.set(sandbox.widgetCode, {
      active: 'Y',
      fields: { config: JSON.stringify({ horizonDays: null }) },
    });
    browser = await chromium.launch({
      executablePath: chromiumPath(),
      args: ['--no-sandbox', '--disable-gpu'],
      headless: true,
    });
    const context = await browser.newContext({ baseURL: sandbox.url });
    const page = await context.newPage();
    const pipelineId = mainPipeline(sandbox.ctx.account).id;
    await page.addInitScript({ content: WINDOW_MARK });
    // The engine worker's requests are the page's too: Chromium reports them on the page.
    const sent: number[] = [];
    page.on('request', request => {
      if (new URL(request.url()).pathname.startsWith('/api/v4/')) sent.push(Date.now());
    });

    sandbox.ctx.stats.reset();
    const started = Date.now();
    await page.goto(sandbox.leadsUrl);
    await panelAt(page, 'window', 300_000);
    const coldWindowMs = Date.now() - started;
    const coldWindowSeenRequests = total(sandbox);
    const windowAt = Number(await page.evaluate('window.__flWindowAt'));
    if (!Number.isFinite(windowAt)) throw new Error('the window phase was not marked');
    const coldWindowRequests = sent.filter(at => at < windowAt).length;
    const historyFrom = Number(await page.locator('.fl-panel').getAttribute('data-history-from'));

    await panelAt(page, 'complete', 3_600_000);
    const backfillMs = Date.now() - started;
    await quiet(sandbox, 2000);
    const backfillRequests = total(sandbox);
    const rejected429 = sandbox.ctx.stats.snapshot().rejected429;

    // Nothing changed: a reload shows the cache (a sync this recent is not repeated at once) …
    sandbox.ctx.stats.reset();
    await page.reload();
    await panelAt(page, 'complete', 60_000);
    await quiet(sandbox, 3000);
    const reloadRequests = total(sandbox);
    // … and the panel's refresh asks only what changed since the last sync.
    sandbox.ctx.stats.reset();
    await page.locator('.fl-head button[aria-label]').first().click();
    await quiet(sandbox, 3000);
    const idleRefreshRequests = total(sandbox);

    return {
      leads,
      coldWindowRequests,
      coldWindowSeenRequests,
      coldWindowFloor: requestFloor(sandbox.ctx.account, pipelineId, historyFrom),
      coldWindowMs,
      backfillRequests,
      backfillFloor: requestFloor(sandbox.ctx.account, pipelineId, null),
      backfillMs,
      reloadRequests,
      idleRefreshRequests,
      rejected429,
    };
  } finally {
    await browser?.close();
    await sandbox.close();
  }
}
