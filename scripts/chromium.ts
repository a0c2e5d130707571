/**
 * Where the end-to-end tests' Chromium is. `npm test`'s preflight and the e2e helper that launches
 * the browser both ask here, so a preflight that passes names the very binary the tests will run.
 * The filesystem and environment are parameters so the rule can be tested away from this machine.
 */
import { accessSync, constants, readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

export type ChromiumEnv = Readonly<Record<string, string | undefined>>;

export interface ChromiumFs {
  /** A regular file (after symlinks) this process may execute. */
  isExecutable(file: string): boolean;
  /** Entry names of a directory; empty when it is missing or unreadable. */
  list(dir: string): readonly string[];
  /** Fallback when HOME is unset (as os.homedir() reads the passwd entry). */
  homedir(): string;
}

export type ChromiumLookup =
  | {
      readonly found: true;
      readonly path: string;
      /** Which rule found it, for the preflight's one-line report. */
      readonly via: 'CHROMIUM_PATH' | 'PATH' | 'Playwright cache';
    }
  | { readonly found: false; readonly message: string };

export const SYSTEM_FS: ChromiumFs = {
  isExecutable(file) {
    try {
      accessSync(file, constants.X_OK);
      return statSync(file).isFile();
    } catch {
      return false;
    }
  },
  list(dir) {
    try {
      return readdirSync(dir);
    } catch {
      return [];
    }
  },
  homedir,
};

/** Names distributions and Google give the binary; the first found on PATH wins. */
export const PATH_COMMANDS = [
  'chromium',
  'chromium-browser',
  'google-chrome',
  'google-chrome-stable',
] as const;

/**
 * Executables inside one Playwright browser directory, per directory prefix. Current Playwright
 * (the playwright-core 1.65 here) installs Chrome for Testing, chrome-linux64/…; caches left by
 * older versions hold chrome-linux/….
 */
const PLAYWRIGHT_LAYOUTS: readonly {
  readonly prefix: string;
  readonly files: readonly string[];
}[] = [
  {
    prefix: 'chromium-',
    files: ['chrome-linux64/chrome', 'chrome-linux-arm64/chrome', 'chrome-linux/chrome'],
  },
  {
    prefix: 'chromium_headless_shell-',
    files: [
      'chrome-headless-shell-linux64/chrome-headless-shell',
      'chrome-headless-shell-linux-arm64/chrome-headless-shell',
      'chrome-linux/headless_shell',
    ],
  },
];

const INSTALL_HINT =
  'apt-get install -y chromium (Debian/Ubuntu) or npx playwright-core install chromium';

function failure(problem: string, remedy: string): ChromiumLookup {
  return {
    found: false,
    message: `npm test needs Chromium for the end-to-end tests: ${problem}. ${remedy}`,
  };
}

/** Where PLAYWRIGHT_BROWSERS_PATH=0 makes Playwright install browsers: inside its own package. */
const LOCAL_BROWSERS = path.join(
  __dirname,
  '..',
  'node_modules',
  'playwright-core',
  '.local-browsers',
);

/**
 * Playwright's own rule (Linux): PLAYWRIGHT_BROWSERS_PATH (relative to where npm was started),
 * else $XDG_CACHE_HOME or ~/.cache, then ms-playwright.
 */
export function playwrightCacheDir(env: ChromiumEnv, fs: ChromiumFs): string {
  const override = env.PLAYWRIGHT_BROWSERS_PATH;
  if (override === '0') return LOCAL_BROWSERS;
  if (override !== undefined && override !== '') {
    return path.resolve(env.INIT_CWD || process.cwd(), override);
  }
  const cache = env.XDG_CACHE_HOME || path.join(env.HOME || fs.homedir(), '.cache');
  return path.join(cache, 'ms-playwright');
}

function onPath(env: ChromiumEnv, fs: ChromiumFs): string | undefined {
  const dirs = (env.PATH ?? '').split(path.delimiter).filter(dir => dir !== '');
  for (const command of PATH_COMMANDS) {
    for (const dir of dirs) {
      const file = path.join(dir, command);
      if (fs.isExecutable(file)) return file;
    }
  }
  return undefined;
}

/** Full Chromium before the headless shell (closer to what users run), newest revision first. */
function inPlaywrightCache(cacheDir: string, fs: ChromiumFs): string | undefined {
  const entries = fs.list(cacheDir);
  for (const { prefix, files } of PLAYWRIGHT_LAYOUTS) {
    const revisions = entries
      .filter(name => name.startsWith(prefix) && /^\d+$/.test(name.slice(prefix.length)))
      .sort((a, b) => Number(b.slice(prefix.length)) - Number(a.slice(prefix.length)));
    for (const dir of revisions) {
      for (const file of files) {
        const candidate = path.join(cacheDir, dir, file);
        if (fs.isExecutable(candidate)) return candidate;
      }
    }
  }
  return undefined;
}

/**
 * CHROMIUM_PATH when set (and then only it: a wrong explicit path is an error, not a reason to
 * quietly test with another browser), else the first of PATH_COMMANDS on PATH, else Playwright's
 * browser cache.
 */
export function findChromium(env: ChromiumEnv, fs: ChromiumFs): ChromiumLookup {
  const explicit = env.CHROMIUM_PATH;
  if (explicit !== undefined && explicit !== '') {
    return fs.isExecutable(explicit)
      ? { found: true, path: explicit, via: 'CHROMIUM_PATH' }
      : failure(
          `CHROMIUM_PATH=${explicit} is not an executable file`,
          `Point CHROMIUM_PATH at a Chromium or Chrome binary, or unset it and install one: ${INSTALL_HINT}.`,
        );
  }
  const fromPath = onPath(env, fs);
  if (fromPath !== undefined) return { found: true, path: fromPath, via: 'PATH' };
  const cacheDir = playwrightCacheDir(env, fs);
  const cached = inPlaywrightCache(cacheDir, fs);
  if (cached !== undefined) return { found: true, path: cached, via: 'Playwright cache' };
  return failure(
    `none found (CHROMIUM_PATH unset; no ${PATH_COMMANDS.join(', ')} on PATH; nothing in ${cacheDir})`,
    `Install one: ${INSTALL_HINT}, or set CHROMIUM_PATH=/path/to/chrome.`,
  );
}

/** This machine's Chromium by the rule above; throws the how-to-get-one line when there is none. */
export function chromiumPath(): string {
  const found = findChromium(process.env, SYSTEM_FS);
  if (!found.found) throw new Error(found.message);
  return found.path;
}
