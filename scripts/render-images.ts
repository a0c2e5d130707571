/**
 * Renders the widget's logos (images/*.png) from one SVG mark at the exact pixel sizes amoCRM
 * requires, in headless Chromium. Run by hand when the mark changes: `npx tsx scripts/render-images.ts`.
 * The PNGs are committed; the build only checks their sizes.
 */
import { chromium } from 'playwright-core';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromiumPath } from './chromium';

const MARK = `
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#1e88e5"/><stop offset="1" stop-color="#00897b"/>
    </linearGradient>
    <clipPath id="funnel"><path d="M14 18 H74 L52 47 V76 L36 84 V47 Z"/></clipPath>
  </defs>
  <rect x="2" y="2" width="96" height="96" rx="22" fill="url(#bg)"/>
  <g clip-path="url(#funnel)">
    <rect x="0" y="0" width="100" height="100" fill="#fff"/>
    <rect x="0" y="34" width="100" height="9" fill="#ffca28"/>
  </g>
  <circle cx="66" cy="62" r="14" fill="#1e88e5" fill-opacity=".35" stroke="#fff" stroke-width="5"/>
  <line x1="76" y1="72" x2="86" y2="82" stroke="#fff" stroke-width="7" stroke-linecap="round"/>
</svg>`;

const WORDMARK = (size: number) =>
  `<div style="font:700 ${size}px/1.05 'DejaVu Sans',sans-serif;color:#1f2d3d;letter-spacing:-.5px">
     Funnel<br><span style="color:#1e88e5">Lens</span></div>`;

const page = (w: number, h: number, body: string) => `<!doctype html><html><body style="margin:0">
  <div style="width:${w}px;height:${h}px;display:flex;align-items:center;justify-content:center;gap:${Math.round(h * 0.12)}px;background:#fff">${body}</div>
</body></html>`;

const icon = (px: number) => `<div style="width:${px}px;height:${px}px">${MARK}</div>`;

const IMAGES: { file: string; w: number; h: number; body: string }[] = [
  { file: 'logo.png', w: 130, h: 100, body: icon(88) },
  { file: 'logo_main.png', w: 400, h: 272, body: icon(170) + WORDMARK(46) },
  { file: 'logo_medium.png', w: 240, h: 84, body: icon(64) + WORDMARK(26) },
  { file: 'logo_min.png', w: 84, h: 84, body: icon(76) },
  { file: 'logo_small.png', w: 108, h: 108, body: icon(96) },
];

async function main(): Promise<void> {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    for (const img of IMAGES) {
      const p = await browser.newPage({ viewport: { width: img.w, height: img.h } });
      await p.setContent(
        page(img.w, img.h, img.body.replace(/<svg /g, '<svg width="100%" height="100%" ')),
      );
      const png = await p.screenshot({ type: 'png', omitBackground: false });
      writeFileSync(join('images', img.file), png);
      await p.close();
      console.log(`images/${img.file} ${img.w}x${img.h} ${png.length} bytes`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
