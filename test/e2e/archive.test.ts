/**
 * The built archive holds only what amoCRM needs (issue #10, security): no source maps, which
 * would publish the sources, and no `*.LICENSE.txt` beside a chunk (the bundled libraries'
 * licence banners stay inside the chunk); and the sandbox, which serves dist/widget, has no map to
 * serve either. Runs on the `npm run build` output, as the rest of this project does.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { REPO_ROOT } from '../../sandbox/server/host';
import { checkStyle } from '../../scripts/widget-checks';
import { useSandboxBrowser } from './helpers';

const DIST = join(REPO_ROOT, 'dist');

describe('the widget archive', () => {
  const env = useSandboxBrowser({ leads: 50 });
  // The first e2e file of a worker may build the sandbox's host bundle in its setup.
  jest.setTimeout(120_000);

  it('holds the widget and nothing amoCRM does not need', () => {
    const names = Object.keys(unzipSync(readFileSync(join(DIST, 'widget.zip')))).sort();
    expect(names).toEqual(
      expect.arrayContaining([
        'manifest.json',
        'script.js',
        'widget.js',
        'engine.js',
        'report.js',
        'settings.js',
        'drill.js',
        'card.js',
        'style.css',
        'i18n/ru.json',
      ]),
    );
    expect(names.filter(name => /\.map$|LICENSE/i.test(name))).toEqual([]);
    expect(readdirSync(join(DIST, 'widget')).filter(name => name.endsWith('.map'))).toEqual([]);
    // The maps exist for our own debugging, beside the folder.
    expect(existsSync(join(DIST, 'widget-maps', 'widget.js.map'))).toBe(true);
  });

  it('carries a style.css amoCRM’s review accepts, and our own code readable', () => {
    const archive = unzipSync(readFileSync(join(DIST, 'widget.zip')));
    const text = (name: string) => new TextDecoder().decode(archive[name]);
    expect(checkStyle(text('style.css'))).toEqual([]);
    // Not minified: our functions keep their names, statements their lines.
    expect(text('widget.js')).toMatch(/\n\s+function mountPanel\(host, container, pipelineId/);
    expect(text('engine.js')).toMatch(/\n\s+function createDataService\(config, ports\)/);
  });

  it('keeps the bundled libraries’ licence banners inside their chunk', () => {
    const report = readFileSync(join(DIST, 'widget', 'report.js'), 'utf8');
    expect(report).toMatch(/Chart\.js v4[\s\S]*Released under the MIT License/);
  });

  it('is served by the sandbox without any source map', async () => {
    for (const file of ['script.js', 'widget.js', 'engine.js', 'style.css']) {
      const url = `${env.sandbox.url}/widgets/${env.sandbox.widgetCode}/${file}`;
      // Each body read to its end: an unread one keeps its connection, and the sandbox's close
      // would wait for it.
      const status = async (target: string) => {
        const response = await fetch(target);
        await response.arrayBuffer();
        return response.status;
      };
      expect(await status(url)).toBe(200);
      expect(await status(`${url}.map`)).toBe(404);
    }
  });
});
