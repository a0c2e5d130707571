/**
 * The built widget against amoCRM's page geometry as the sandbox reproduces it (docs/host-contract.md):
 * the leads panel docks beside amoCRM's controls without covering any of them — the fixed page
 * top with its search and actions, the list's head and rows, the kanban's column heads, the left
 * menu — at 1280×800 and 1920×1080; the card block sits inside the card's right-hand column.
 * Also: the sandbox runs the widget under a code assigned as on upload, which the bundle never
 * mentions, so nothing in it can depend on a particular code.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { PIPELINE_IDS } from '../../sandbox/demo';
import { REPO_ROOT } from '../../sandbox/server/host';
import { routerNavigate, useSandboxBrowser } from './helpers';
import { waitForFunnel } from './widget/support';

const MAIN = PIPELINE_IDS.main;
const LIST = `/leads/list/pipeline/${MAIN}/`;
const KANBAN = `/leads/pipeline/${MAIN}/`;
const WIDGET_DIR = path.join(REPO_ROOT, 'dist/widget');
const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;

interface Box {
  readonly what: string;
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/**
 * Every host control visible on screen (clipped by its scroll containers), and the dock. Runs in
 * the page: the selectors are amoCRM's (and the sandbox's switchers in the left menu).
 */
function layout(page: Page): Promise<{ dock: Box | null; controls: Box[]; pageOverflow: number }> {
  return page.evaluate(() => {
    const box = (what: string, r: DOMRect | Box): Box => ({
      what,
      left: r.left,
      top: r.top,
      right: r.right,
      bottom: r.bottom,
    });
    const clip = (el: Element): Box | null => {
      let r: Box = box('', el.getBoundingClientRect());
      for (let p = el.parentElement; p !== null; p = p.parentElement) {
        const style = getComputedStyle(p);
        if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
        const c = p.getBoundingClientRect();
        r = {
          what: '',
          left: Math.max(r.left, c.left),
          top: Math.max(r.top, c.top),
          right: Math.min(r.right, c.right),
          bottom: Math.min(r.bottom, c.bottom),
        };
      }
      r = {
        what: '',
        left: Math.max(r.left, 0),
        top: Math.max(r.top, 0),
        right: Math.min(r.right, innerWidth),
        bottom: Math.min(r.bottom, innerHeight),
      };
      return r.right - r.left > 0.5 && r.bottom - r.top > 0.5 ? r : null;
    };
    const selectors = [
      '#left_menu',
      '#left_menu a, #left_menu select, #left_menu button',
      '.list__body-right__top',
      '.list__body-right__top a, .list__body-right__top select, .list__body-right__top input, .list__body-right__top button',
      '#list_summary, #list_filter_summary',
      '#list_head th',
      '#list_items .list-row td',
      '.pipeline_status__head',
      '.pipeline_leads__item',
    ];
    const controls: Box[] = [];
    for (const selector of selectors) {
      document.querySelectorAll(selector).forEach((el, index) => {
        const r = clip(el);
        if (r !== null) controls.push({ ...r, what: `${selector} #${index}` });
      });
    }
    const dockEl = document.querySelector('.fl-dock');
    return {
      dock: dockEl === null ? null : box('dock', dockEl.getBoundingClientRect()),
      controls,
      pageOverflow: document.documentElement.scrollWidth - innerWidth,
    };
  });
}

function overlapping(dock: Box, controls: readonly Box[]): string[] {
  return controls
    .filter(
      c =>
        c.left < dock.right - 0.5 &&
        c.right > dock.left + 0.5 &&
        c.top < dock.bottom - 0.5 &&
        c.bottom > dock.top + 0.5,
    )
    .map(c => c.what);
}

describe('Funnel Lens in amoCRM’s page geometry', () => {
  const env = useSandboxBrowser({ leads: 500 });
  jest.setTimeout(150_000);

  test('runs under a code assigned as on upload, which its bundle never mentions', async () => {
    const code = env.sandbox.widgetCode;
    const manifest = JSON.parse(readFileSync(path.join(WIDGET_DIR, 'manifest.json'), 'utf8')) as {
      widget: { code?: string };
    };
    expect(manifest.widget.code).toBeUndefined();
    expect(code).toMatch(/^sbx_[a-z0-9]{8}$/);
    const scripts = readdirSync(WIDGET_DIR).filter(file => file.endsWith('.js'));
    expect(scripts).toEqual(expect.arrayContaining(['script.js', 'widget.js', 'engine.js']));
    for (const file of scripts) {
      expect({
        file,
        mentions: readFileSync(path.join(WIDGET_DIR, file), 'utf8').includes(code),
      }).toEqual({ file, mentions: false });
    }

    // The settings form finds amoCRM's `#<code>_custom` input under that code.
    const { page } = await env.open('/settings/widgets/', { kind: 'integrations' });
    await page.locator('.widget-tile').click();
    await page.locator(`#${code}_custom_content .fl-settings`).waitFor({ timeout: 30_000 });
    expect(await page.locator(`#${code}_custom`).getAttribute('type')).toBe('hidden');
  });

  for (const viewport of VIEWPORTS) {
    const size = `${viewport.width}×${viewport.height}`;

    test(`${size}: the panel docks beside the list and the kanban, covering none of amoCRM’s controls`, async () => {
      const { page } = await env.open(LIST, { kind: 'list' });
      await page.setViewportSize(viewport);
      await waitForFunnel(page);

      for (const view of ['list', 'kanban'] as const) {
        if (view === 'kanban') {
          await routerNavigate(page, KANBAN, 'kanban');
          await waitForFunnel(page);
        }
        const { dock, controls, pageOverflow } = await layout(page);
        expect(dock).not.toBeNull();
        if (dock === null) return;
        const top = await page.locator('.list__body-right__top').boundingBox();
        // At the window's right edge, from just below amoCRM's fixed page top to the bottom.
        expect({ view, right: dock.right, top: dock.top, bottom: dock.bottom }).toEqual({
          view,
          right: viewport.width,
          top: (top?.y ?? NaN) + (top?.height ?? NaN),
          bottom: viewport.height,
        });
        expect(controls.length).toBeGreaterThan(view === 'list' ? 20 : 10);
        expect({ view, covered: overlapping(dock, controls) }).toEqual({ view, covered: [] });
        expect({ view, pageOverflow }).toEqual({ view, pageOverflow: 0 });
      }
      // The kanban board ends where the panel starts; its columns scroll sideways under their heads.
      const board = await page.locator('#pipeline_holder').boundingBox();
      const dock = await page.locator('.fl-dock').boundingBox();
      expect(Math.round((board?.x ?? 0) + (board?.width ?? 0))).toBeLessThanOrEqual(
        Math.round(dock?.x ?? 0),
      );
    });

    test(`${size}: the card block sits in the card’s right-hand column`, async () => {
      const lead = env.sandbox.ctx.account.leads.find(
        item => item.pipeline_id === MAIN && !item.is_deleted,
      );
      expect(lead).toBeDefined();
      const { page } = await env.open(LIST, { kind: 'list' });
      await page.setViewportSize(viewport);
      await routerNavigate(page, `/leads/detail/${lead?.id ?? 0}`, 'card');
      await page.locator('.fl-card-root').waitFor({ timeout: 30_000 });
      const geometry = await page.evaluate(() => {
        const rect = (selector: string) => {
          const el = document.querySelector(selector);
          if (el === null) return null;
          const r = el.getBoundingClientRect();
          return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width };
        };
        const root = document.querySelector<HTMLElement>('.fl-card-root');
        return {
          column: rect('#widgets_block'),
          elements: rect('#widgets_block .card-widgets__elements'),
          block: rect('.fl-card-root'),
          overflow: root === null ? null : root.scrollWidth - root.clientWidth,
          inColumn: root?.closest('#widgets_block .card-widgets__elements') !== null,
          docks: document.querySelectorAll('.fl-dock').length,
        };
      });
      expect(geometry.column).toMatchObject({ top: 0, right: viewport.width, width: 265 });
      expect(geometry.inColumn).toBe(true);
      expect(geometry.docks).toBe(0);
      const { column, block } = geometry;
      if (column === null || block === null) throw new Error('no card column or block');
      expect(block.left).toBeGreaterThanOrEqual(column.left);
      expect(block.right).toBeLessThanOrEqual(column.right);
      expect(block.width).toBeGreaterThan(200);
      expect(geometry.overflow).toBe(0);
    });
  }
});
