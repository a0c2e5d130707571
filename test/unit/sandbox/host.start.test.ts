/**
 * `npm start`: option parsing (every bad option named, exit 2) and the real process — it prints
 * the leads list URL, serves it, and stops cleanly on SIGINT.
 */
import { spawn, spawnSync } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { DEMO_DEFAULT_LEADS, DEMO_DEFAULT_SEED, PIPELINE_IDS } from '../../../sandbox/demo';
import { DEFAULT_WIDGET_DIR, parseStartArgs, REPO_ROOT } from '../../../sandbox/server/host';
import { PROBE_DIR } from './hostHarness';

const NOW_MS = Date.UTC(2025, 5, 30, 12);

/** `sandbox/main.ts` on a free port with a small demo, once it says it is up (or 40 s passed). */
async function startMain(extra: readonly string[]) {
  const child = spawn(
    TSX,
    [MAIN, ...extra, '--port', '0', '--leads', '60', '--widget-dir', PROBE_DIR],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>(resolve => child.on('exit', code => resolve(code)));
  const deadline = Date.now() + 40_000;
  while (!output.includes('Press Ctrl-C') && Date.now() < deadline) {
    await new Promise(resolve => setTimeout(resolve, 100));
  }
  return { child, out: () => output, exited };
}
const parse = (argv: string[], env: Record<string, string> = {}) =>
  parseStartArgs(argv, env, NOW_MS, '/work');

describe('npm start options', () => {
  it('default to the sandbox demo on port 8642 with dist/widget, today', () => {
    expect(parse([])).toEqual({
      kind: 'ok',
      args: {
        port: 8642,
        leads: DEMO_DEFAULT_LEADS,
        seed: DEMO_DEFAULT_SEED,
        now: NOW_MS / 1000,
        faults: undefined,
        token: undefined,
        widgetDir: DEFAULT_WIDGET_DIR,
        platform: 'amocrm',
        demoLang: 'ru',
      },
    });
  });

  it('read every option, PORT from the environment unless --port is given', () => {
    const result = parse(
      [
        '--port',
        '9000',
        '--leads',
        '50',
        '--seed',
        '7',
        '--faults',
        'flaky',
        '--token',
        'abc',
        '--now',
        '2025-01-15T00:00:00Z',
        '--widget-dir',
        'out/w',
        '--demo-lang',
        'pt',
      ],
      { PORT: '7000' },
    );
    expect(result).toEqual({
      kind: 'ok',
      args: {
        port: 9000,
        leads: 50,
        seed: 7,
        faults: 'flaky',
        token: 'abc',
        now: Date.UTC(2025, 0, 15) / 1000,
        widgetDir: path.resolve('/work', 'out/w'),
        platform: 'amocrm',
        demoLang: 'pt',
      },
    });
    expect(parse([], { PORT: '7000' })).toMatchObject({ args: { port: 7000 } });
    // Kommo mode defaults to an English demo; --demo-lang still wins.
    expect(parse(['--kommo'])).toMatchObject({ args: { platform: 'kommo', demoLang: 'en' } });
    expect(parse(['--kommo', '--demo-lang', 'tr'])).toMatchObject({
      args: { platform: 'kommo', demoLang: 'tr' },
    });
    expect(parse(['--now', '1750000000'])).toMatchObject({ args: { now: 1_750_000_000 } });
  });

  it.each([
    [['--port', '70000'], /--port must be an integer from 0 to 65535/],
    [['--leads', 'many'], /--leads must be an integer/],
    [['--leads=-1'], /--leads must be an integer from 0/],
    [['--leads', '-1'], /argument is ambiguous/],
    [['--seed', '1.5'], /--seed must be an integer/],
    [['--now', 'yesterday'], /--now must be epoch seconds or an ISO date/],
    [['--faults', 'chaos'], /--faults must be one of none, slow, flaky/],
    [['--demo-lang', 'de'], /--demo-lang must be one of ru, en, es, pt, tr, id, got "de"/],
    [['--token', 'a:b'], /--token must be non-empty, without spaces or ":"/],
    [['--colour'], /Unknown option '--colour'/],
    [['extra'], /positional argument/],
    [['--port'], /argument missing/],
  ])('refuse %j with a message naming it', (argv, message) => {
    const result = parse(argv);
    expect(result.kind).toBe('error');
    expect(result.kind === 'error' && result.message).toMatch(message);
  });

  it('answer --help and -h', () => {
    expect(parse(['--help'])).toEqual({ kind: 'help' });
    expect(parse(['-h'])).toEqual({ kind: 'help' });
  });
});

const TSX = path.join(REPO_ROOT, 'node_modules/.bin/tsx');
const MAIN = path.join(REPO_ROOT, 'sandbox/main.ts');

describe('the npm start process', () => {
  jest.setTimeout(60_000);

  it('exits 2 with a message for bad options and for a widget dir it cannot serve', () => {
    const bad = spawnSync(TSX, [MAIN, '--leads', 'x'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--leads must be an integer');
    expect(bad.stderr).toContain('Usage: npm start');
    const dir = spawnSync(TSX, [MAIN, '--widget-dir', '/nonexistent/widget', '--leads', '10'], {
      encoding: 'utf8',
    });
    expect(dir.status).toBe(2);
    expect(dir.stderr).toContain('widget directory /nonexistent/widget does not exist');
    const help = spawnSync(TSX, [MAIN, '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--widget-dir DIR');
  });

  it('prints the leads list URL, serves it, and stops cleanly on SIGINT', async () => {
    const { child, out, exited } = await startMain([]);
    try {
      const output = out();
      const url = new RegExp(
        `Open the leads list: +(http://127\\.0\\.0\\.1:\\d+/leads/list/pipeline/${PIPELINE_IDS.main}/)`,
      ).exec(output)?.[1];
      expect(url).toBeDefined();
      expect(output).toContain('API token: sandbox-token');
      expect(output).toContain('Анна Соколова');
      const page = await fetch(url ?? '');
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('id="sandbox-boot"');
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
    expect(out()).toContain('SIGINT: stopping the sandbox');
  });

  it('with --kommo prints and serves the page at demo.kommo.localhost, an English demo in USD', async () => {
    const { child, out, exited } = await startMain(['--kommo']);
    try {
      const output = out();
      const url = /Open the leads list: +(http:\/\/demo\.kommo\.localhost:(\d+)(\/\S+))/.exec(
        output,
      );
      expect(url).not.toBeNull();
      expect(output).toContain('Kommo sandbox is up');
      expect(output).toContain('demo in en, USD');
      expect(output).toContain('Emily Carter');
      // Node may not resolve *.localhost: ask 127.0.0.1 with the host name a browser would send.
      const body = await new Promise<string>((resolve, reject) => {
        const request = http.get(
          {
            host: '127.0.0.1',
            port: Number(url?.[2]),
            path: url?.[3],
            headers: { host: `demo.kommo.localhost:${url?.[2]}` },
          },
          response => {
            let text = '';
            response.on('data', (chunk: Buffer) => (text += chunk.toString()));
            response.on('end', () => resolve(text));
          },
        );
        request.on('error', reject);
      });
      expect(body).toContain('data-platform="kommo"');
      expect(body).toContain('/_sandbox/host/styles/kommo.css');
      expect(body).toContain('"currency":"USD"');
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
  });
});
