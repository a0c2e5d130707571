import path from 'node:path';
import { findChromium, playwrightCacheDir, type ChromiumFs } from '../../../scripts/chromium';

/** A filesystem holding just these executables; directories are whatever contains them. */
function fakeFs(executables: readonly string[], home = '/home/dev'): ChromiumFs {
  return {
    isExecutable: file => executables.includes(file),
    list: dir => [
      ...new Set(
        executables
          .filter(file => file.startsWith(`${dir}/`))
          .map(file => file.slice(dir.length + 1).split('/')[0]!),
      ),
    ],
    homedir: () => home,
  };
}

const PATH = '/usr/local/bin:/usr/bin:/bin';
const CACHE = '/home/dev/.cache/ms-playwright';

describe('findChromium', () => {
  it('takes CHROMIUM_PATH when it names an executable, even with another browser on PATH', () => {
    const fs = fakeFs(['/opt/chrome/chrome', '/usr/bin/chromium']);
    expect(findChromium({ CHROMIUM_PATH: '/opt/chrome/chrome', PATH }, fs)).toEqual({
      found: true,
      path: '/opt/chrome/chrome',
      via: 'CHROMIUM_PATH',
    });
  });

  it('refuses a CHROMIUM_PATH that is not there, naming it, rather than testing with another', () => {
    const result = findChromium(
      { CHROMIUM_PATH: '/nonexistent', PATH },
      fakeFs(['/usr/bin/chromium']),
    );
    expect(result).toEqual({
      found: false,
      message: expect.stringMatching(
        /^npm test needs Chromium for the end-to-end tests: CHROMIUM_PATH=\/nonexistent is not an executable file\. .*apt-get install -y chromium/,
      ),
    });
  });

  it('treats an empty CHROMIUM_PATH as unset', () => {
    expect(findChromium({ CHROMIUM_PATH: '', PATH }, fakeFs(['/usr/bin/chromium']))).toMatchObject({
      found: true,
      path: '/usr/bin/chromium',
      via: 'PATH',
    });
  });

  it('looks on PATH for chromium before chromium-browser and google-chrome, in PATH order', () => {
    const fs = fakeFs(['/usr/local/bin/google-chrome', '/usr/bin/chromium-browser']);
    expect(findChromium({ PATH }, fs)).toMatchObject({ path: '/usr/bin/chromium-browser' });
    const both = fakeFs(['/usr/bin/chromium', '/usr/local/bin/chromium']);
    expect(findChromium({ PATH }, both)).toMatchObject({ path: '/usr/local/bin/chromium' });
    expect(
      findChromium({ PATH: '/opt/google/bin' }, fakeFs(['/opt/google/bin/google-chrome-stable'])),
    ).toMatchObject({ found: true, via: 'PATH' });
  });

  it("falls back to Playwright's cache: full Chromium first, newest revision first", () => {
    const fs = fakeFs([
      `${CACHE}/chromium-1100/chrome-linux/chrome`,
      `${CACHE}/chromium-1255/chrome-linux64/chrome`,
      `${CACHE}/chromium_headless_shell-1300/chrome-headless-shell-linux64/chrome-headless-shell`,
    ]);
    expect(findChromium({ PATH, HOME: '/home/dev' }, fs)).toEqual({
      found: true,
      path: `${CACHE}/chromium-1255/chrome-linux64/chrome`,
      via: 'Playwright cache',
    });
  });

  it("takes the headless shell, in either Playwright's old or new layout, when it is all there is", () => {
    const env = { PATH, HOME: '/home/dev' };
    const old = `${CACHE}/chromium_headless_shell-1100/chrome-linux/headless_shell`;
    expect(findChromium(env, fakeFs([old]))).toMatchObject({ path: old });
    const cft = `${CACHE}/chromium_headless_shell-1255/chrome-headless-shell-linux64/chrome-headless-shell`;
    expect(findChromium(env, fakeFs([cft]))).toMatchObject({ path: cft });
  });

  it('reads the cache where Playwright would: PLAYWRIGHT_BROWSERS_PATH, XDG_CACHE_HOME, HOME', () => {
    const fs = fakeFs([], '/root');
    expect(playwrightCacheDir({ PLAYWRIGHT_BROWSERS_PATH: '/srv/pw' }, fs)).toBe('/srv/pw');
    expect(playwrightCacheDir({ PLAYWRIGHT_BROWSERS_PATH: 'pw', INIT_CWD: '/work/x' }, fs)).toBe(
      '/work/x/pw',
    );
    expect(playwrightCacheDir({ PLAYWRIGHT_BROWSERS_PATH: '0' }, fs)).toMatch(
      new RegExp(`node_modules\\${path.sep}playwright-core\\${path.sep}\\.local-browsers$`),
    );
    expect(playwrightCacheDir({ XDG_CACHE_HOME: '/var/cache/me', HOME: '/home/dev' }, fs)).toBe(
      '/var/cache/me/ms-playwright',
    );
    expect(playwrightCacheDir({ HOME: '/home/dev' }, fs)).toBe(CACHE);
    expect(playwrightCacheDir({}, fs)).toBe('/root/.cache/ms-playwright');

    const chrome = '/srv/pw/chromium-1255/chrome-linux64/chrome';
    expect(findChromium({ PLAYWRIGHT_BROWSERS_PATH: '/srv/pw' }, fakeFs([chrome]))).toMatchObject({
      path: chrome,
    });
  });

  it('with none anywhere, says in one line where it looked and how to get one', () => {
    const fs = fakeFs(['/usr/bin/firefox', `${CACHE}/firefox-1572/firefox/firefox`]);
    const result = findChromium({ PATH, HOME: '/home/dev' }, fs);
    expect(result).toEqual({
      found: false,
      message:
        'npm test needs Chromium for the end-to-end tests: none found (CHROMIUM_PATH unset; ' +
        'no chromium, chromium-browser, google-chrome, google-chrome-stable on PATH; ' +
        'nothing in /home/dev/.cache/ms-playwright). Install one: apt-get install -y chromium ' +
        '(Debian/Ubuntu) or npx playwright-core install chromium, or set CHROMIUM_PATH=/path/to/chrome.',
    });
    expect(result.found ? '' : result.message).not.toContain('\n');
  });

  it('ignores empty PATH entries instead of searching the current directory', () => {
    expect(findChromium({ PATH: ':/usr/bin:', HOME: '/h' }, fakeFs(['chromium']))).toMatchObject({
      found: false,
    });
  });
});
