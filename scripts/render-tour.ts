/**
 * Renders the marketplace tour images (images/tour_<lang>_<n>.png, 1188×616) from the real
 * widget in the sandbox, so the tour shows the product as it is: for each language the demo
 * account in that language (its names and currency) and the host page in that language, in Kommo
 * mode for Kommo's languages (en, es, pt, tr, id) and amoCRM mode for Russian. The sandbox's own
 * switchers (user, language, theme) are hidden, so no other language shows. Images are re-encoded
 * as 256-colour PNGs (palettePng.ts) so all of them fit the archive's 1 MB.
 * Run by hand after UI changes, once `npm run build && npm run build:sandbox` have run:
 *   npx tsx scripts/render-tour.ts [lang…]
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { HOST_LANGS, type HostLang } from '../sandbox/host/protocol';
import { startHostSandbox } from '../sandbox/server/host';
import { chromiumPath } from './chromium';
import { decodePng, paletteEncode } from './palettePng';

const SIZE = { width: 1188, height: 616 };
const ROOT = join(__dirname, '..');
/** The demo's "today", fixed so the images do not change from one run to the next by date alone. */
const NOW = Date.UTC(2026, 10, 27, 15) / 1000;

async function ready(page: Page): Promise<void> {
  await page.waitForFunction(() => document.body.dataset.pageState === 'ready');
  await page.addStyleTag({ content: '.left-menu__sandbox { visibility: hidden !important; }' });
}

async function funnel(page: Page): Promise<void> {
  await page.waitForSelector('.fl-panel .fl-funnel .fl-row', { timeout: 60_000 });
  await page.waitForFunction(() => document.querySelector('.fl-panel .fl-progress') === null);
}

/** The shots of the tour, in order: the panel on the leads list, then the report page. */
function shots(page: Page, leadsUrl: string, reportUrl: string): (() => Promise<void>)[] {
  return [
    async () => {
      await page.goto(leadsUrl);
      await ready(page);
      await funnel(page);
    },
    async () => {
      await page.goto(reportUrl);
      await ready(page);
      await page.waitForSelector('.fl-report-root canvas');
      await page.waitForTimeout(1500);
    },
  ];
}

async function renderLanguage(browser: Browser, lang: HostLang): Promise<string[]> {
  const sandbox = await startHostSandbox({
    port: 0,
    hostBundleDir: join(ROOT, 'dist/sandbox'),
    platform: lang === 'ru' ? 'amocrm' : 'kommo',
    demo: { lang, now: NOW },
  });
  const files: string[] = [];
  try {
    const context = await browser.newContext({ viewport: SIZE });
    await context.addCookies([{ name: 'sandbox_lang', value: lang, url: sandbox.pageUrl }]);
    const page = await context.newPage();
    const reportUrl = `${sandbox.pageUrl}/settings/widgets/${sandbox.widgetCode}/`;
    for (const [i, shot] of shots(page, sandbox.leadsUrl, reportUrl).entries()) {
      await shot();
      const file = join(ROOT, 'images', `tour_${lang}_${i + 1}.png`);
      const png = paletteEncode(decodePng(await page.screenshot({ type: 'png' })));
      writeFileSync(file, png);
      files.push(file);
      console.log(`${file} ${(png.length / 1024).toFixed(1)} KB`);
    }
    await context.close();
  } finally {
    await sandbox.close();
  }
  return files;
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const langs = HOST_LANGS.filter(lang => wanted.length === 0 || wanted.includes(lang));
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    for (const lang of langs) await renderLanguage(browser, lang);
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
