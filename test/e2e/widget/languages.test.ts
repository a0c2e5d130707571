/**
 * Every language the manifest ships, on every surface (issue 11): the panel, a stage's deals, the
 * lead card, the full report and the settings show the same numbers as in Russian, no message key
 * or unfilled `{placeholder}` anywhere (text, hints, labels), and no text running out of its box
 * at a 1280 px window. Screenshots per language and surface go to test-artifacts/.
 */
import type { Browser, Page } from 'playwright-core';
import type { HostLang } from '../../../sandbox/host/protocol';
import { LANG_COOKIE, startHostSandbox } from '../../../sandbox/server/host';
import type { RunningHostSandbox } from '../../../sandbox/server/host';
import { PIPELINE_IDS } from '../../../sandbox/demo';
import type { DemoLead } from '../../../sandbox/demo';
import { saveScreenshot, useSandboxBrowser, waitForPageReady } from '../helpers';
import type { PageKind } from '../helpers';
import { launchChromium, openTrackedPage } from '../helpers/browser';
import { ensureHostBundle } from '../helpers/hostBundle';
import { panelRows, shippedLangs, waitForFunnel } from './support';

const MAIN = PIPELINE_IDS.main;
const LIST = `/leads/list/pipeline/${MAIN}/`;
const LANGS = shippedLangs();

/** A percent as any locale writes it ("61,9 %", "%61,9", "61.9%") as a number; "—" as null. */
function percentOf(text: string): number | null {
  const number = text.replace(/[^\d,.]/g, '').replace(',', '.');
  return number === '' ? null : Number(number);
}

/** What the panel says, in numbers only: the same in every language. */
async function panelNumbers(page: Page) {
  const rows = await panelRows(page);
  const totals = await page.$$eval('.fl-panel .fl-total__value .fl-num', els =>
    els.map(e => e.textContent.replace(/[^\d]/g, '')),
  );
  return {
    rows: rows.map(r => ({
      stageId: r.stageId,
      reached: r.reached,
      conversion: percentOf(r.conversion),
      stuck: r.stuck,
      weak: r.weak,
    })),
    totals,
  };
}

/**
 * Problems in the widget's roots as drawn now: a message key or `{name}` left in any text or
 * label, and elements whose text runs out of a box that does not clip or scroll it.
 */
function problemsIn(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const unfilled = /\bfl\.[a-z]+\.[\w.]+|\{[a-zA-Z]+\}/;
    const where = (el: Element) =>
      `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`.slice(0, 80);
    const spilling = new Set<HTMLElement>();
    for (const root of document.querySelectorAll('.funnel-lens')) {
      for (const el of [root, ...root.querySelectorAll('*')]) {
        for (const attr of ['title', 'aria-label', 'placeholder', 'aria-description']) {
          const value = el.getAttribute(attr);
          if (value !== null && unfilled.test(value))
            found.push(`${where(el)} [${attr}] "${value}"`);
        }
        const own = [...el.childNodes]
          .filter(n => n.nodeType === Node.TEXT_NODE)
          .map(n => n.textContent ?? '')
          .join('')
          .trim();
        if (own !== '' && unfilled.test(own)) found.push(`${where(el)} "${own.slice(0, 80)}"`);
        // A box whose text (its own or an inline child's) runs past its edge, where nothing
        // clips or scrolls it: the text spills over its neighbours.
        const html = el as HTMLElement;
        const style = getComputedStyle(el);
        if (
          style.display !== 'inline' &&
          style.display !== 'none' &&
          style.visibility !== 'hidden' &&
          style.overflowX === 'visible' &&
          html.textContent.trim() !== '' &&
          html.clientWidth > 0 &&
          html.scrollWidth > html.clientWidth + 1
        )
          spilling.add(html);
      }
    }
    // Only the innermost box of each spill: its ancestors overflow because of it.
    for (const box of spilling) {
      if ([...spilling].some(other => other !== box && box.contains(other))) continue;
      const text = box.textContent.trim().replace(/\s+/g, ' ');
      found.push(
        `${where(box)} overflows by ${box.scrollWidth - box.clientWidth}px: "${text.slice(0, 60)}"`,
      );
    }
    return found;
  });
}

interface Visit {
  readonly numbers: Awaited<ReturnType<typeof panelNumbers>>;
  readonly problems: readonly string[];
}

/**
 * The panel, a stage's deals, the card, the report and the settings in the page's language, at
 * 1280 px: the panel's numbers, and every problem `problemsIn` finds on the way.
 */
async function visitAll(
  page: Page,
  sandbox: RunningHostSandbox,
  lang: string,
  shots: string,
): Promise<Visit> {
  await page.setViewportSize({ width: 1280, height: 800 });
  const problems: string[] = [];
  const check = async (surface: string) => {
    problems.push(...(await problemsIn(page)).map(p => `${surface}: ${p}`));
    await saveScreenshot(page, `${shots}-${surface}`);
  };
  const go = async (path: string, kind: PageKind) => {
    await page.goto(path);
    await waitForPageReady(page, kind, 30_000);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
  };
  const main =
    sandbox.ctx.account.pipelines.find(p => p.is_main) ?? sandbox.ctx.account.pipelines[0];
  if (main === undefined) throw new Error('the demo account has no pipeline');

  await go(`/leads/list/pipeline/${main.id}/`, 'list');
  await waitForFunnel(page);
  await page.waitForSelector('.fl-panel[data-phase="complete"] .fl-report:not(.fl-report--stale)', {
    timeout: 60_000,
  });
  const numbers = await panelNumbers(page);
  expect(numbers.rows.length).toBeGreaterThan(3);
  await check('panel');

  // The stage with the most stuck deals: its drill-down and a card have the most to show.
  const stuckest = [...numbers.rows].sort((a, b) => b.stuck - a.stuck)[0]!;
  await page.locator(`button.fl-row__main[data-stage-id="${stuckest.stageId}"]`).click();
  await page.waitForSelector('.fl-drill .fl-deal');
  await check('drill');
  await page.keyboard.press('Escape');

  const lead = sandbox.ctx.account.leads.find(
    (l: DemoLead) => !l.is_deleted && l.pipeline_id === main.id && l.status_id === stuckest.stageId,
  );
  await go(`/leads/detail/${lead!.id}`, 'card');
  await page.waitForSelector('.fl-card[aria-busy="false"] .fl-journey', { timeout: 60_000 });
  await check('card');

  await go(`/settings/widgets/${sandbox.widgetCode}/`, 'advanced');
  await page.waitForSelector('.fl-report-root table', { timeout: 60_000 });
  await page.waitForFunction(
    () => document.querySelector('.fl-report-root .fl-progress') === null,
    undefined,
    { timeout: 60_000 },
  );
  await check('report');

  await go('/settings/widgets/', 'integrations');
  await page.locator(`.widget-tile[data-code="${sandbox.widgetCode}"]`).click();
  await page.locator('.widget-settings .fl-settings').waitFor({ timeout: 30_000 });
  await check('settings');
  return { numbers, problems };
}

describe('every shipped language on every surface, in amoCRM', () => {
  const env = useSandboxBrowser({ leads: 600 });
  jest.setTimeout(240_000);
  let russian: Visit['numbers'] | null = null;

  it('ships Russian first, whose numbers the others are held to', () => {
    expect(LANGS[0]).toBe('ru');
    expect(LANGS.length).toBeGreaterThanOrEqual(6);
  });

  it('sees a text running out of its box and a key or placeholder left unfilled', async () => {
    const { page } = await env.open(LIST, { kind: 'list' });
    await waitForFunnel(page);
    await page.evaluate(() => {
      const probe = document.createElement('div');
      probe.className = 'fl-probe';
      probe.innerHTML =
        '<p style="width:40px;white-space:nowrap">Überschreitungswahrscheinlichkeit</p>' +
        '<span title="fl.panel.title">{platform}</span>';
      document.querySelector('.fl-panel')?.appendChild(probe);
    });
    const found = await problemsIn(page);
    expect(found).toEqual([
      'span. [title] "fl.panel.title"',
      'span. "{platform}"',
      expect.stringMatching(/^p\. overflows by \d+px: "Überschreitungswahrscheinlichkeit"$/),
    ]);
  });

  it.each(LANGS)(
    '%s: same numbers, every text filled in, nothing overflowing at 1280 px',
    async lang => {
      const { page, context } = await env.open(LIST, { kind: 'list' });
      await context.addCookies([{ name: LANG_COOKIE, value: lang, url: env.sandbox.url }]);
      const visit = await visitAll(page, env.sandbox, lang, `lang-amocrm-${lang}`);
      if (lang === 'ru') russian = visit.numbers;
      else expect(visit.numbers).toEqual(russian);
      expect(visit.problems).toEqual([]);
    },
  );
});

describe('Kommo’s languages on every surface, in Kommo with a demo account in each', () => {
  jest.setTimeout(240_000);
  let browser: Browser | undefined;
  let english: Visit['numbers'] | null = null;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(LANGS.filter(l => l !== 'ru'))(
    '%s: the same funnel as in English, every text filled in, nothing overflowing',
    async lang => {
      const sandbox = await startHostSandbox({
        port: 0,
        platform: 'kommo',
        hostBundleDir: await ensureHostBundle(),
        demo: { leads: 600, lang: lang as HostLang },
      });
      try {
        const tracked = await openTrackedPage(browser!, sandbox.pageUrl);
        const visit = await visitAll(tracked.page, sandbox, lang, `lang-kommo-${lang}`);
        // Names, currency and prices differ by language; the funnel itself is the same account.
        if (lang === 'en') english = visit.numbers;
        else expect({ ...visit.numbers, totals: [] }).toEqual({ ...english, totals: [] });
        expect(visit.problems).toEqual([]);
        expect(await tracked.page.evaluate(() => document.body.innerText)).not.toMatch(/amocrm/i);
        await tracked.context.close();
      } finally {
        await sandbox.close();
      }
    },
  );
});
