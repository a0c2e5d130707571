/**
 * Renders the amoMarket tour images (images/tour_<lang>_<n>.png, 1188×616) from the real widget in
 * the sandbox, so the tour shows the product as it is. Run by hand after UI changes, once
 * `npm run build && npm run build:sandbox` have run:  npx tsx scripts/render-tour.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Page } from 'playwright-core';
import { startHostSandbox } from '../sandbox/server/host';
import { chromiumPath } from './chromium';

const SIZE = { width: 1188, height: 616 };
const ROOT = join(__dirname, '..');

async function ready(page: Page): Promise<void> {
  await page.waitForFunction(() => document.body.dataset.pageState === 'ready');
}

async function funnel(page: Page): Promise<void> {
  await page.waitForSelector('.fl-panel .fl-funnel .fl-row', { timeout: 60_000 });
  await page.waitForFunction(() => document.querySelector('.fl-panel .fl-progress') === null);
}

async function main(): Promise<void> {
  const sandbox = await startHostSandbox({ port: 0, hostBundleDir: join(ROOT, 'dist/sandbox') });
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    for (const lang of ['ru', 'en'] as const) {
      const context = await browser.newContext({ viewport: SIZE, baseURL: sandbox.url });
      await context.addCookies([{ name: 'sandbox_lang', value: lang, url: sandbox.url }]);
      const page = await context.newPage();
      const shots: (() => Promise<void>)[] = [
        async () => {
          await page.goto(new URL(sandbox.leadsUrl).pathname);
          await ready(page);
          await funnel(page);
        },
        async () => {
          await page.locator('.fl-weak__open').click();
          await page.waitForSelector('.fl-drill .fl-deal');
        },
        async () => {
          await page.goto(`/settings/widgets/${sandbox.widgetCode}/`);
          await ready(page);
          await page.waitForSelector('.fl-report-root canvas');
          await page.waitForTimeout(1500);
        },
      ];
      for (const [i, shot] of shots.entries()) {
        await shot();
        const file = join(ROOT, 'images', `tour_${lang}_${i + 1}.png`);
        writeFileSync(file, await page.screenshot({ type: 'png' }));
        console.log(file);
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await sandbox.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
