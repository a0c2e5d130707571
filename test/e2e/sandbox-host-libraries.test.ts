/**
 * The modules amoCRM's page lets a widget `define` on (reference §5.3), resolved in the sandbox's
 * page at the documented versions and used the way published widgets use them; `self.render` and
 * `render_template` with real twig.js; and Funnel Lens's card block mounted through the documented
 * `render_template` pattern (`body: ''`, markup in `render`).
 */
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { hostEvents, PROBE_WIDGET_DIR, useSandboxBrowser } from './helpers';

/** A small widget written for this test: it records what each host module gave it. */
const LIBS_WIDGET = `define(['jquery', 'underscore', 'backbone', 'twigjs', 'moment', 'lib/components/base/modal'],
function ($, _, Backbone, twig, moment, Modal) {
  return function () {
    var self = this;
    this.callbacks = {
      render: function () {
        var mode = window.__renderMode;
        if (mode === 'promiseFalse') return Promise.resolve(false);
        if (mode === 'promiseTrue') {
          return new Promise(function (resolve) { setTimeout(function () { resolve(true); }, 50); });
        }
        if (self.system().area === 'lcard') {
          self.render_template({
            caption: { class_name: 'libs-caption' },
            body: '',
            render: '<ul class="libs-block">{% for n in names %}<li>{{ n|upper }}</li>{% endfor %}</ul>'
          }, { names: ['one', 'two'] });
        }
        return true;
      },
      bind_actions: function () { return true; },
      init: function () {
        var base = self.params.path;
        var libs = window.__libs = {
          jquery: $.fn.jquery,
          underscore: _.VERSION,
          backbone: Backbone.VERSION,
          backboneGlobal: window.Backbone === Backbone,
          backboneView: new (Backbone.View.extend({ tagName: 'section' }))().el.tagName,
          twig: twig({ data: '{{ a }}+{{ b.c }}' }).render({ a: 1, b: { c: 2 } }),
          twigGlobal: window.Twig.VERSION,
          twigRegistry: typeof window.Twig.Templates.registry,
          moment: moment.version,
          momentFormat: moment.utc(0).format('DD.MM.YYYY HH:mm'),
          modal: typeof Modal,
          renderData: self.render({ data: '<b>{{ x }}</b>' }, { x: 'sync' })
        };
        require(['text!' + base + '/extra/hello.txt?v=1', 'json!' + base + '/extra/data.json'],
          function (text, json) {
            libs.text = text;
            libs.json = json;
            self.render({ href: '/templates/item.twig', base_path: base, v: self.get_version(),
              load: function (template) {
                libs.renderHref = template.render({ name: 'loaded' });
                self.render({ href: '/templates/item.twig', base_path: base, v: self.get_version(),
                  promised: true }).then(function (again) {
                  libs.renderPromised = again.render({ name: 'promised' });
                  libs.done = true;
                });
              } });
          },
          function (error) { libs.error = String(error); libs.done = true; });
        return true;
      },
      settings: function () { return true; },
      onSave: function () { return true; },
      destroy: function () {}
    };
    return this;
  };
});
`;

function writeLibsWidget(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'libs-widget-'));
  cpSync(path.join(PROBE_WIDGET_DIR, 'images'), path.join(dir, 'images'), { recursive: true });
  cpSync(path.join(PROBE_WIDGET_DIR, 'i18n'), path.join(dir, 'i18n'), { recursive: true });
  for (const sub of ['extra', 'templates']) mkdirSync(path.join(dir, sub));
  const manifest = {
    widget: {
      name: 'widget.name',
      description: 'widget.description',
      short_description: 'widget.short_description',
      version: '1.0.0',
      interface_version: 2,
      init_once: false,
      locale: ['ru', 'en'],
      installation: true,
      support: { link: 'https://libs.example', email: 'libs@libs.example' },
    },
    locations: ['lcard-1', 'settings'],
  };
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(path.join(dir, 'script.js'), LIBS_WIDGET);
  writeFileSync(path.join(dir, 'extra/hello.txt'), 'plain text from the widget\n');
  writeFileSync(path.join(dir, 'extra/data.json'), JSON.stringify({ list: [1, 2], ok: true }));
  writeFileSync(path.join(dir, 'templates/item.twig'), '<i class="item">{{ name }}</i>');
  return dir;
}

/** Init scripts run in the page, so each mode is its own function (they cannot close over data). */
const RENDER_MODES = {
  promiseTrue: () => {
    (window as unknown as { __renderMode: string }).__renderMode = 'promiseTrue';
  },
  promiseFalse: () => {
    (window as unknown as { __renderMode: string }).__renderMode = 'promiseFalse';
  },
};

interface Libs {
  readonly done?: boolean;
  readonly [key: string]: unknown;
}

async function readLibs(page: Page): Promise<Libs> {
  await page.waitForFunction(
    () => (window as unknown as { __libs?: Libs }).__libs?.done === true,
    undefined,
    { timeout: 15_000 },
  );
  return page.evaluate(() => (window as unknown as { __libs: Libs }).__libs);
}

async function firstLeadId(api: (path: string) => Promise<unknown>): Promise<number> {
  const body = (await api('/api/v4/leads?limit=1')) as {
    _embedded: { leads: { id: number }[] };
  };
  const id = body._embedded.leads[0]?.id;
  if (id === undefined) throw new Error('the demo account has no leads');
  return id;
}

describe('host libraries a widget may define on', () => {
  const env = useSandboxBrowser({ widgetDir: writeLibsWidget(), leads: 40 });

  test('each documented module id resolves at the documented version and works', async () => {
    const leadId = await firstLeadId(path => env.api(path));
    const { page } = await env.open(`/leads/detail/${leadId}`, { kind: 'card' });
    const libs = await readLibs(page);
    expect(libs).toEqual({
      jquery: '2.1.3',
      underscore: '1.9.1',
      backbone: '1.1.2',
      backboneGlobal: true,
      backboneView: 'SECTION',
      twig: '1+2',
      twigGlobal: '0.8.9',
      twigRegistry: 'object',
      moment: '2.24.0',
      momentFormat: '01.01.1970 00:00',
      modal: 'function',
      renderData: '<b>sync</b>',
      text: 'plain text from the widget\n',
      json: { list: [1, 2], ok: true },
      renderHref: '<i class="item">loaded</i>',
      renderPromised: '<i class="item">promised</i>',
      done: true,
    });
  });

  test("render_template's documented pattern renders its Twig into the card column", async () => {
    const leadId = await firstLeadId(path => env.api(path));
    const { page } = await env.open(`/leads/detail/${leadId}`, { kind: 'card' });
    const code = env.sandbox.widgetCode;
    const block = page.locator(`#card_widgets_column .card-widgets__widget-${code}`);
    await expect(
      block.locator('.card-widgets__widget__caption.libs-caption').count(),
    ).resolves.toBe(1);
    await expect(block.locator('.libs-block li').allTextContents()).resolves.toEqual([
      'ONE',
      'TWO',
    ]);
  });

  test('lib/components/base/modal opens with the documented options and is destroyed', async () => {
    const leadId = await firstLeadId(path => env.api(path));
    const { page } = await env.open(`/leads/detail/${leadId}`, { kind: 'card' });
    await page.evaluate(
      () =>
        new Promise<void>(resolve => {
          const w = window as unknown as {
            require(deps: string[], cb: (Modal: new (o: object) => unknown) => void): void;
            __modal?: { destroy(): void };
            __modalEvents: string[];
          };
          w.__modalEvents = [];
          w.require(['lib/components/base/modal'], Modal => {
            w.__modal = new Modal({
              class_name: 'libs-modal',
              init($body: { html(m: string): { trigger(e: string): void } }) {
                w.__modalEvents.push('init');
                $body.html('<p class="libs-modal__text">hello</p>').trigger('modal:loaded');
              },
              destroy() {
                w.__modalEvents.push('destroy');
              },
            }) as { destroy(): void };
            resolve();
          });
        }),
    );
    const modal = page.locator('.modal.libs-modal');
    await expect(modal.locator('.libs-modal__text').isVisible()).resolves.toBe(true);
    await expect(modal.getAttribute('class')).resolves.not.toMatch(/modal--loading/);
    await page.keyboard.press('Escape');
    await expect(modal.count()).resolves.toBe(0);
    await expect(
      page.evaluate(() => (window as unknown as { __modalEvents: string[] }).__modalEvents),
    ).resolves.toEqual(['init', 'destroy']);
  });

  test('render returning a Promise: of true → bind_actions and init; of false → neither', async () => {
    const leadId = await firstLeadId(path => env.api(path));
    const sequence = async (mode: keyof typeof RENDER_MODES): Promise<string[]> => {
      const { page } = await env.open(`/leads/detail/${leadId}`, {
        kind: 'card',
        initScript: RENDER_MODES[mode],
      });
      if (mode === 'promiseTrue') await readLibs(page);
      else await page.waitForTimeout(300);
      return (await hostEvents(page))
        .filter(event => event.type === 'callback')
        .map(event => event.name ?? '');
    };
    await expect(sequence('promiseTrue')).resolves.toEqual(['render', 'bind_actions', 'init']);
    await expect(sequence('promiseFalse')).resolves.toEqual(['render']);
  });

  test('an id amoCRM does not document fails to load, visibly', async () => {
    const leadId = await firstLeadId(path => env.api(path));
    const tracked = await env.open(`/leads/detail/${leadId}`, { kind: 'card' });
    tracked.allow(/404|Not Found/);
    const error = await tracked.page.evaluate(
      () =>
        new Promise<string>(resolve => {
          (
            window as unknown as {
              require(
                d: string[],
                ok: () => void,
                fail: (e: { requireType: string }) => void,
              ): void;
            }
          ).require(
            ['chartjs-not-served'],
            () => resolve('loaded'),
            e => resolve(e.requireType),
          );
        }),
    );
    expect(error).toBe('scripterror');
  });
});

describe("Funnel Lens's card block through the documented render_template pattern", () => {
  const env = useSandboxBrowser({ leads: 120 });

  test('the block mounts in the card column and the widget draws into its root', async () => {
    const leadId = await firstLeadId(path => env.api(path));
    const { page } = await env.open(`/leads/detail/${leadId}`, { kind: 'card' });
    const code = env.sandbox.widgetCode;
    const root = page.locator(
      `#card_widgets_column .card-widgets__widget-${code} .card-widgets__widget__body .fl-card-root`,
    );
    await root.waitFor();
    await expect(root.count()).resolves.toBe(1);
    await expect(
      page
        .locator(`.card-widgets__widget-${code} .card-widgets__widget__caption`)
        .getAttribute('class'),
    ).resolves.toMatch(/funnel-lens-caption/);
    // The widget mounted into that root (not an empty block): its card view has content.
    await page.waitForFunction(
      () => (document.querySelector('.fl-card-root')?.childElementCount ?? 0) > 0,
      undefined,
      { timeout: 30_000 },
    );
  });
});
