/**
 * Every way a sync can fail ends in one line naming what and where, no stack trace (unless
 * --debug), the right exit code, and the folder as it was.
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../src/cli/main';
import { STATE_FILE } from '../../../src/cli/syncState';
import { fakeIo } from './fakeIo';
import type { FakeIo } from './fakeIo';
import { hang, json, refusedUrl, startFakeAmo } from './fakeAmo';
import type { FakeAmo, Handler } from './fakeAmo';

const tmp = () => mkdtempSync(join(tmpdir(), 'funnel-lens-fail-'));
let amo: FakeAmo | null = null;
afterEach(async () => {
  await amo?.close();
  amo = null;
});

async function serve(handler: Handler): Promise<string> {
  amo = await startFakeAmo(handler);
  return amo.url;
}

/** The messages a run printed (not its progress lines). */
const messages = (io: FakeIo) => io.stderr.filter(line => line.startsWith('funnel-lens: '));
const STACK = /\n\s+at /;

async function sync(url: string, out: string, io = fakeIo(), ...more: string[]) {
  const code = await main(['sync', '--base-url', url, '--token', 'T', '--out', out, ...more], io);
  return { code, io, said: messages(io) };
}

describe('a failing sync says what failed in one line', () => {
  it('a refused connection names the host and the cause', async () => {
    const url = await refusedUrl();
    const out = tmp();
    const { code, said } = await sync(url, out);
    expect(code).toBe(1);
    expect(said.at(-1)).toMatch(
      new RegExp(
        `^funnel-lens: cannot reach ${new URL(url).host}: connection refused: nothing listens there \\(ECONNREFUSED\\), asking for /api/v4/`,
      ),
    );
    expect(said.join('\n')).not.toMatch(STACK);
    expect(readdirSync(out)).toEqual([]);
  });

  it('a persistent 5xx names the status and the endpoint, after its retries', async () => {
    const url = await serve((_req, res) =>
      json(res, 503, { title: 'Service Unavailable', status: 503 }),
    );
    const { code, said, io } = await sync(url, tmp());
    expect(code).toBe(1);
    expect(said.at(-1)).toMatch(
      /^funnel-lens: amoCRM kept answering 503 for \/api\/v4\/\S+, even after retries; try again later\.$/,
    );
    expect(
      said.filter(line => line.includes('amoCRM server error — next try in')).length,
    ).toBeGreaterThanOrEqual(4);
    expect(io.slept.length).toBeGreaterThanOrEqual(4);
  });

  it('a redirect names where it led, and is not followed', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(302, { location: 'https://other.example/login' });
      res.end();
    });
    const { code, said } = await sync(url, tmp());
    expect(code).toBe(1);
    expect(said.at(-1)).toMatch(
      /^funnel-lens: 127\.0\.0\.1:\d+ redirected \/api\/v4\/\S+ \(302\) to https:\/\/other\.example\/login; redirects are not followed\./,
    );
    expect(amo?.requests.every(r => !r.path.includes('login'))).toBe(true);
  });

  it('a bad body names the endpoint and the JSON path', async () => {
    const url = await serve((_req, res) =>
      json(res, 200, { id: 'not a number', subdomain: 5, current_user_id: 'x', _embedded: 7 }),
    );
    const { code, said } = await sync(url, tmp());
    expect(code).toBe(1);
    expect(said.at(-1)).toMatch(
      /^funnel-lens: amoCRM's answer to \/api\/v4\/\S+ is not what this tool reads at \S+: /,
    );
    expect(said.join('\n')).not.toMatch(STACK);
  });

  // Some fifteen rounds of real requests and the slots' hold: seconds on a busy machine.
  it('429s are waited out within a ten-minute budget, counted down, then reported', async () => {
    const url = await serve((_req, res) =>
      json(res, 429, { title: 'Too Many Requests', status: 429, retry_after: 1 }),
    );
    const { code, said, io } = await sync(url, tmp());
    expect(code).toBe(1);
    expect(said.at(-1)).toMatch(
      /^funnel-lens: amoCRM kept answering 429 Too Many Requests for \/api\/v4\/\S+ past this tool's 10-minute wait, or asked for a longer wait; try again later\.$/,
    );
    expect(said.some(line => line.includes('amoCRM asks to slow down (429) — next try in'))).toBe(
      true,
    );
    // More than the API layer's default of five minutes, never more than the CLI's ten.
    const waited = io.slept.reduce((a, b) => a + b, 0) / 1000;
    expect(waited).toBeGreaterThan(300);
    expect(waited).toBeLessThanOrEqual(600);
    // After a storm each request's rate-limit slot is held up to 2 s past its answer (api/slots.ts).
    await new Promise(resolve => setTimeout(resolve, 2100));
  }, 20_000);

  it('--debug adds the stack trace', async () => {
    const url = await refusedUrl();
    const io = fakeIo();
    const code = await main(
      ['sync', '--debug', '--base-url', url, '--token', 'T', '--out', tmp()],
      io,
    );
    expect(code).toBe(1);
    expect(messages(io).join('\n')).toMatch(STACK);
  });

  it('an --out that is a file, and a damaged state file, are bad input (exit 2)', async () => {
    const url = await serve(hang);
    const file = join(tmp(), 'dump');
    writeFileSync(file, '');
    const asFile = await sync(url, file);
    expect(asFile.code).toBe(2);
    expect(asFile.said).toEqual([`funnel-lens: --out ${file} is a file, not a folder.`]);
    const out = tmp();
    writeFileSync(join(out, STATE_FILE), '{"runs": 3}');
    const damaged = await sync(url, out);
    expect(damaged.code).toBe(2);
    expect(damaged.said).toEqual([
      `funnel-lens: ${join(out, STATE_FILE)} is damaged (runs: expected a list); delete it and the sync-* folders beside it to start over.`,
    ]);
    expect(amo?.requests).toEqual([]);
  });
});

describe('a sync stopped by a signal', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)(
    'on %s exits %i, removes its unfinished run and says so in one line',
    async (signal, exit) => {
      const url = await serve(hang);
      const out = tmp();
      const io = fakeIo();
      const running = main(['sync', '--base-url', url, '--token', 'T', '--out', out], io);
      await amo!.firstRequest;
      expect(readdirSync(out).some(n => n.endsWith('.partial'))).toBe(true);
      io.stop(signal);
      expect(await running).toBe(exit);
      expect(messages(io)).toEqual([
        `funnel-lens: interrupted (${signal}): the unfinished sync was removed; ${out} holds what it held before.`,
      ]);
      expect(readdirSync(out)).toEqual([]);
    },
  );
});

describe('the token', () => {
  it('is read from FUNNEL_LENS_TOKEN, or from standard input with --token -', async () => {
    const url = await serve((_req, res) => json(res, 401, { title: 'Unauthorized', status: 401 }));
    const out = tmp();
    const env = fakeIo({ env: { FUNNEL_LENS_TOKEN: 'from-env' } });
    expect(await main(['sync', '--base-url', url, '--out', out], env)).toBe(2);
    const stdin = fakeIo({ stdin: 'from-stdin\n' });
    expect(await main(['sync', '--base-url', url, '--out', out, '--token', '-'], stdin)).toBe(2);
    expect(new Set(amo!.requests.map(r => r.auth))).toEqual(
      new Set(['Bearer from-env', 'Bearer from-stdin']),
    );
    expect(messages(stdin).at(-1)).toContain('401 Unauthorized');
  });

  it('over plain http to another machine is refused unless --insecure', async () => {
    const io = fakeIo();
    expect(
      await main(
        ['sync', '--base-url', 'http://example.amocrm.ru', '--token', 'T', '--out', tmp()],
        io,
      ),
    ).toBe(2);
    expect(messages(io)).toEqual([
      'funnel-lens: --base-url http://example.amocrm.ru: plain http would send the token unencrypted; use https, or add --insecure if you mean it.',
    ]);
  });
});
