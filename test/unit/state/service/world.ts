/**
 * The world the data service tests run in: the demo account served by the sandbox's API emulator
 * in-process, the truth its numbers are checked against (the whole account through the engine),
 * and the ports a service gets on the page — a client over the emulator, a cache, timers the test
 * fires and a clock it moves.
 */
import { createApiClient, createTokenHttp } from '../../../../src/api';
import type { ApiClient, WaitInfo } from '../../../../src/api';
import { buildReport } from '../../../../src/core';
import type { Period, ReportOptions } from '../../../../src/core';
import { silentChannel, soloLock } from '../../../../src/state/ports';
import type { SyncChannel, TabLock, Timers } from '../../../../src/state/ports';
import type { ServicePorts } from '../../../../src/state/service/service';
import type { ServiceConfig } from '../../../../src/state/service/types';
import { createMemoryStore, scopeKey } from '../../../../src/sync';
import type { ScopeStore } from '../../../../src/sync';
import { generateDemoAccount, PIPELINE_IDS } from '../../../../sandbox/demo';
import { demoFunnelInput } from '../../../../sandbox/demo/funnelInput';
import { startSandbox } from '../../../../sandbox/server';
import type { RunningSandbox } from '../../../../sandbox/server';
import { fillCache, scriptedClient } from '../../../support/stateFakes';
import type { ClientScript } from '../../../support/stateFakes';

export const NOW = Date.UTC(2026, 10, 1, 12) / 1000;
export const DAY = 86_400;
export const MAIN = PIPELINE_IDS.main;
export const SCOPE = { accountId: 1, userId: 1, pipelineId: MAIN };
export const KEY = scopeKey(SCOPE);
export const ZONE = 'Europe/Moscow';
export const account = generateDemoAccount({ seed: 7, leads: 400, now: NOW });
/** The whole account as engine input: what every number is checked against. */
export const truth = demoFunnelInput(account, MAIN);

/** The panel's period is the last 30 days: the window is it and the 30 days before. */
export const WINDOW_FROM = NOW - 60 * DAY;
export const PERIOD: Period = { from: NOW - 30 * DAY, to: NOW };
export const CONFIG: ServiceConfig = {
  scope: SCOPE,
  origin: 'http://account.invalid',
  readUsers: true,
  period: { kind: 'last_30' },
  timeZone: ZONE,
  horizonDays: null,
  sideStageIds: [],
};
export const OPTS: ReportOptions = { ...PERIOD, now: NOW, minSample: 5, includeOpenDeals: true };

/** Values compared as plain data (what crosses a worker boundary). */
export const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

/** The whole account's report, under "history from" when given. */
export const whole = (opts: ReportOptions, historyFrom: number | null = null): unknown =>
  plain(buildReport({ ...truth, historyFrom }, opts));

export function startEmulator(): Promise<RunningSandbox> {
  return startSandbox({ account, port: 0, rateLimit: { enabled: false } });
}

export function emulatorClient(
  sandbox: RunningSandbox,
  onWait: (info: WaitInfo) => void = () => undefined,
): ApiClient {
  return createApiClient({
    http: createTokenHttp({ baseURL: sandbox.url, token: 'sandbox-token' }),
    rateLimit: { limit: 1000, intervalMs: 1000 },
    sleep: () => Promise.resolve(),
    onWait,
  });
}

/** A service's ports on the page: the emulator through a scripted client, and the given rest. */
export function portsOver(
  sandbox: RunningSandbox,
  opts: {
    readonly cache: ScopeStore | Promise<ScopeStore>;
    readonly timers: Timers;
    readonly time?: { now: number } | undefined;
    readonly lock?: TabLock | undefined;
    readonly channel?: SyncChannel | undefined;
    readonly script?: () => ClientScript;
    /** Hears each client made (one per service). */
    readonly onClient?: (client: ReturnType<typeof scriptedClient>) => void;
  },
): ServicePorts {
  const time = opts.time ?? { now: NOW * 1000 };
  const script = opts.script ?? (() => ({}));
  return {
    createClient: ({ onWait }) => {
      const client = scriptedClient(emulatorClient(sandbox, onWait), script, onWait);
      opts.onClient?.(client);
      return client;
    },
    openCache: () => Promise.resolve(opts.cache),
    lock: opts.lock ?? soloLock,
    channel: opts.channel ?? silentChannel,
    timers: opts.timers,
    clock: () => time.now,
  };
}

/**
 * The emulator for one test file, and a cache holding the whole demo pipeline as synced from it
 * (what a warm page starts from); the emulator's data and counts are reset before each test.
 */
export function warmEmulator(): { readonly sandbox: RunningSandbox; readonly warm: ScopeStore } {
  let running: RunningSandbox | undefined;
  const warm = createMemoryStore();
  beforeAll(async () => {
    running = await startEmulator();
    await fillCache(warm, SCOPE, emulatorClient(running), NOW);
  });
  afterAll(() => running?.close());
  beforeEach(() => running?.ctx.reset());
  return {
    get sandbox(): RunningSandbox {
      if (!running) throw new Error('the emulator starts in beforeAll');
      return running;
    },
    warm,
  };
}
