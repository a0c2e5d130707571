/**
 * The host page routes: one shell for every page path, the auto-login, the widget's files and the
 * host's own assets.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PIPELINE_IDS, USER_IDS } from '../../../sandbox/demo';
import { createHostPlugin, WidgetDirError } from '../../../sandbox/server/host';
import {
  bootOf,
  demo,
  fakeHostBundle,
  hostHarness,
  PROBE_DIR,
  probeCopy,
  sessionCookie,
} from './hostHarness';

const PAGE_PATHS = [
  `/leads/list/pipeline/${PIPELINE_IDS.main}/`,
  `/leads/list/pipeline/${PIPELINE_IDS.repeat}`,
  '/leads/list/',
  `/leads/pipeline/${PIPELINE_IDS.main}/`,
  '/leads/pipeline/',
  '/leads/detail/123456',
  '/settings/widgets/',
  '/settings/widgets/probe_lens/',
  `/leads/list/pipeline/${PIPELINE_IDS.main}/?filter%5Bpipe%5D%5B1%5D%5B%5D=2&useFilter=y`,
];

describe('host pages', () => {
  it('answers every page path with the same shell', async () => {
    const { app } = hostHarness();
    const cookie = await sessionCookie(app, USER_IDS.admin);
    const bodies = await Promise.all(
      PAGE_PATHS.map(async url => {
        const response = await app.inject({ url, headers: { cookie } });
        expect(response.statusCode).toBe(200);
        expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
        expect(response.headers['cache-control']).toBe('no-store');
        return response.body;
      }),
    );
    expect(new Set(bodies).size).toBe(1);
    const shell = bodies[0] ?? '';
    const scripts = [...shell.matchAll(/<script src="([^"]+)"/g)].map(match => match[1]);
    expect(scripts).toEqual([
      '/_sandbox/vendor/require.js',
      '/_sandbox/vendor/jquery.js',
      '/_sandbox/vendor/underscore.js',
      '/_sandbox/vendor/twig.js',
      '/_sandbox/host/host.js',
    ]);
    const boot = bootOf(shell);
    expect(boot.user.id).toBe(USER_IDS.admin);
    expect(boot.lang).toBe('ru');
    expect(boot.account).toMatchObject({ name: 'Демо', timezone: 'Europe/Moscow' });
    expect(boot.pipelines.map(pipeline => pipeline.id)).toEqual([
      PIPELINE_IDS.main,
      PIPELINE_IDS.repeat,
    ]);
    expect(boot.widget).toMatchObject({
      ok: true,
      code: 'probe_lens',
      path: '/widgets/probe_lens',
      settings: { active: 'Y', fields: {} },
    });
  });

  it('logs a visitor without a valid session in as the administrator', async () => {
    const { app } = hostHarness();
    for (const headers of [{}, { cookie: 'session=not-a-session' }]) {
      const response = await app.inject({ url: '/leads/list/', headers });
      expect(response.statusCode).toBe(200);
      expect(String(response.headers['set-cookie'])).toMatch(/^session=[\w-]+; Path=\/; HttpOnly/);
      expect(bootOf(response.body).user.id).toBe(USER_IDS.admin);
    }
    const cookie = await sessionCookie(app, USER_IDS.lebedev);
    const manager = await app.inject({ url: '/leads/list/', headers: { cookie } });
    expect(manager.headers['set-cookie']).toBeUndefined();
    expect(bootOf(manager.body).user).toMatchObject({
      id: USER_IDS.lebedev,
      is_admin: false,
      leads_view: 'M',
    });
  });

  it('takes the language from the switcher cookie, else the user', async () => {
    const { app } = hostHarness();
    const cookie = await sessionCookie(app, USER_IDS.admin);
    const en = await app.inject({
      url: '/leads/list/',
      headers: { cookie: `${cookie}; sandbox_lang=en` },
    });
    expect(bootOf(en.body).lang).toBe('en');
    expect(en.body).toContain('<html lang="en">');
    const bogus = await app.inject({
      url: '/leads/list/',
      headers: { cookie: `${cookie}; sandbox_lang=xx` },
    });
    expect(bootOf(bogus.body).lang).toBe('ru');
  });

  it('keeps hostile names inside the boot JSON', async () => {
    const account = demo();
    const hostile = '</script><script>alert(1)</script><!--';
    const user = account.users[1];
    if (user === undefined) throw new Error('demo account without users');
    user.name = hostile;
    const { app } = hostHarness({ account });
    const response = await app.inject({ url: '/leads/list/' });
    expect(response.body).not.toContain(hostile);
    expect(bootOf(response.body).users.map(item => item.name)).toContain(hostile);
  });

  it('redirects the root to the main pipeline list and 404s other paths', async () => {
    const { app } = hostHarness();
    const root = await app.inject({ url: '/' });
    expect(root.statusCode).toBe(302);
    expect(root.headers.location).toBe(`/leads/list/pipeline/${PIPELINE_IDS.main}/`);
    expect((await app.inject({ url: '/contacts/list/' })).statusCode).toBe(404);
  });

  it('serves the widget files with their content types and Cache-Control: no-cache', async () => {
    const { app } = hostHarness();
    const cases: [string, RegExp, string][] = [
      ['script.js', /^application\/javascript/, 'script.js'],
      ['manifest.json', /^application\/json/, 'manifest.json'],
      ['i18n/ru.json', /^application\/json/, 'i18n/ru.json'],
      ['images/logo_main.png', /^image\/png/, 'images/logo_main.png'],
    ];
    for (const [file, type, source] of cases) {
      const response = await app.inject({ url: `/widgets/probe_lens/${file}?v=0.0.7` });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(type);
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.rawPayload.equals(readFileSync(path.join(PROBE_DIR, source)))).toBe(true);
    }
    expect((await app.inject({ url: '/widgets/probe_lens/missing.js' })).statusCode).toBe(404);
    const escape = await app.inject({ url: '/widgets/probe_lens/..%2f..%2f..%2fpackage.json' });
    expect(escape.statusCode).not.toBe(200);
    expect((await app.inject({ url: '/widgets/other_code/script.js' })).statusCode).toBe(404);
  });

  it('serves the host libraries amoCRM provides and the host bundle', async () => {
    const bundleDir = fakeHostBundle();
    const { app } = hostHarness({ hostBundleDir: bundleDir });
    const jquery = await app.inject({ url: '/_sandbox/vendor/jquery.js' });
    expect(jquery.headers['content-type']).toMatch(/^application\/javascript/);
    expect(jquery.body).toContain('jQuery v2.1.3');
    expect((await app.inject({ url: '/_sandbox/vendor/underscore.js' })).body).toContain(
      'Underscore.js 1.9.1',
    );
    expect((await app.inject({ url: '/_sandbox/vendor/require.js' })).body).toContain('RequireJS');
    const documented: Record<string, string> = {
      'twig.js': 'Twig.js 0.8.9',
      'backbone.js': 'VERSION="1.1.2"',
      'moment.js': 'version="2.24.0"',
      'text.js': 'text 2.0.16',
      'json.js': 'RequireJS plugin for loading JSON files',
    };
    for (const [file, banner] of Object.entries(documented)) {
      expect((await app.inject({ url: `/_sandbox/vendor/${file}` })).body).toContain(banner);
    }
    expect((await app.inject({ url: '/_sandbox/vendor/other.js' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/_sandbox/host/host.js' })).body).toBe(
      'window.__hostBundle = true;\n',
    );
    const css = await app.inject({ url: '/_sandbox/host/styles/base.css' });
    expect(css.headers['content-type']).toMatch(/^text\/css/);
    expect(css.body).toContain('data-color-scheme');
    expect((await app.inject({ url: '/_sandbox/host/styles/x.css' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/favicon.ico' })).statusCode).toBe(302);

    rmSync(path.join(bundleDir, 'host.js'));
    const missing = await app.inject({ url: '/_sandbox/host/host.js' });
    expect(missing.statusCode).toBe(200);
    expect(missing.body).toContain('npm run build:sandbox');
  });

  it('refuses a widget directory it cannot serve, naming what is wrong', () => {
    const nowhere = path.join(os.tmpdir(), 'no-such-widget-dir');
    expect(() => createHostPlugin({ widgetDir: nowhere })).toThrow(WidgetDirError);
    expect(() => createHostPlugin({ widgetDir: nowhere })).toThrow(/does not exist/);
    const broken = probeCopy();
    writeFileSync(path.join(broken, 'manifest.json'), '{"widget": {}}');
    expect(() => createHostPlugin({ widgetDir: broken })).toThrow(
      /is not a widget manifest: widget\.name/,
    );
    const noScript = probeCopy();
    rmSync(path.join(noScript, 'script.js'));
    expect(() => createHostPlugin({ widgetDir: noScript })).toThrow(/has no script\.js/);
  });

  it('assigns a code, as amoCRM does on upload, when the manifest has none; reports a manifest broken later', async () => {
    const dir = probeCopy();
    const manifestFile = path.join(dir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as {
      widget: Record<string, unknown>;
    };
    delete manifest.widget.code;
    writeFileSync(manifestFile, JSON.stringify(manifest));
    const { app, host } = hostHarness({ widgetDir: dir });
    const code = host.widgetCode;
    expect(code).toMatch(/^sbx_[a-z0-9]{8}$/);
    expect(code).not.toBe(hostHarness({ widgetDir: dir }).host.widgetCode);
    expect((await app.inject({ url: `/widgets/${code}/script.js` })).statusCode).toBe(200);
    expect((await app.inject({ url: '/widgets/funnel_lens/script.js' })).statusCode).toBe(404);
    expect(bootOf((await app.inject({ url: '/leads/list/' })).body).widget).toMatchObject({
      ok: true,
      code,
      path: `/widgets/${code}`,
    });
    expect(hostHarness({ widgetDir: dir, widgetCode: 'given_code' }).host.widgetCode).toBe(
      'given_code',
    );

    writeFileSync(manifestFile, '{ not json');
    const boot = bootOf((await app.inject({ url: '/leads/list/' })).body);
    expect(boot.widget.ok).toBe(false);
    expect(!boot.widget.ok && boot.widget.error).toMatch(/cannot read .*manifest\.json/);
  });
});
