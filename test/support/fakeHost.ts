/**
 * A mount's Host over fakes (jsdom only: it hands out `document`). amoCRM is the sandbox's API
 * emulator serving the demo account, in process: the host's API clients are the widget's real
 * client over an axios adapter that hands each request to the emulator (`app.inject`), so the
 * page-thread data service (no worker here) syncs, caches in a memory store and computes exactly
 * as in the widget. Model timers are recorded, localStorage is a map, and a test can make every
 * API call fail or hold the emulator's answers.
 */
import {
  clearImmediate as nodeClearImmediate,
  setImmediate as nodeSetImmediate,
} from 'node:timers';
import { AxiosError, AxiosHeaders, CanceledError } from 'axios';
import type { AxiosAdapter, AxiosResponse, InternalAxiosRequestConfig } from 'axios';
import ru from '../../i18n/ru.json';
import {
  adaptPipeline,
  createApiClient,
  createLeadWriter,
  createTokenHttp,
  parseWith,
  toApiError,
} from '../../src/api';
import type { ApiClient, ApiError } from '../../src/api';
import { RawPipelineSchema } from '../../src/api/schemas';
import type { Pipeline } from '../../src/core';
import type { Host, PageApi } from '../../src/mount/host';
import { WIDGET_CSS } from '../../src/ui/styles';
import { DEFAULT_SETTINGS, soloLock } from '../../src/state';
import type { WidgetSettings } from '../../src/state';
import { createMemoryStore } from '../../src/sync';
import type { ScopeStore } from '../../src/sync';
import { ACCOUNT_ID } from '../../sandbox/demo';
import type { DemoAccount, DemoPipeline as RawPipeline } from '../../sandbox/demo';
import { createSandboxApp, DEFAULT_TOKEN } from '../../sandbox/server';
import { channelBus, recordingTimers } from './stateFakes';
import type { RecordingTimers } from './stateFakes';
import { DEMO_NOW, demoAccount, demoInput, PIPELINE_IDS, USER_IDS } from './demo';

// jest's jsdom environment has no setImmediate; the emulator's inject (light-my-request) uses it.
const g = globalThis as { setImmediate?: unknown; clearImmediate?: unknown };
g.setImmediate ??= nodeSetImmediate;
g.clearImmediate ??= nodeClearImmediate;

const ARCHIVED_ID = 7_812_399;

/**
 * The demo account with 300 leads, its pipelines listed second pipeline first (sort), the main
 * one next, and an archived third: a report page must open the main one though it is not first.
 */
function hostAccount(): DemoAccount {
  const base = demoAccount(300);
  const raw = (id: number): RawPipeline => {
    const found = base.pipelines.find(p => p.id === id);
    if (!found) throw new Error(`no demo pipeline ${id}`);
    return found;
  };
  const repeat = raw(PIPELINE_IDS.repeat);
  const archived: RawPipeline = {
    ...repeat,
    id: ARCHIVED_ID,
    name: 'Архив 2024',
    sort: 3,
    is_main: false,
    is_archive: true,
    statuses: repeat.statuses.map(s => ({
      ...s,
      id: s.id === 142 || s.id === 143 ? s.id : s.id + 1100,
      pipeline_id: ARCHIVED_ID,
    })),
  };
  return {
    ...base,
    pipelines: [{ ...repeat, sort: 1 }, { ...raw(PIPELINE_IDS.main), sort: 2 }, archived],
  };
}

export const HOST_ACCOUNT: DemoAccount = hostAccount();

const adapted = (raw: RawPipeline): Pipeline =>
  adaptPipeline(parseWith(RawPipelineSchema, { ...raw, _embedded: { statuses: raw.statuses } }));

/** The account's pipelines as amoCRM lists them: the second one, the main one, an archived one. */
export const PIPELINES: readonly Pipeline[] = HOST_ACCOUNT.pipelines.map(adapted);
export const MAIN: Pipeline = PIPELINES.find(p => p.id === PIPELINE_IDS.main)!;
/** The main pipeline's data as engine input (its leads, for picking a lead to show). */
export const HOST_INPUT = (() => {
  const input = demoInput(HOST_ACCOUNT, MAIN.id);
  return { ...input, leads: input.leads.filter(l => l.pipelineId === MAIN.id && !l.isDeleted) };
})();
export const MANAGERS = HOST_ACCOUNT.users.map(u => ({ id: u.id, name: u.name }));

/** One API client method call, with the signal it was given. */
export interface ClientCall {
  readonly method: keyof ApiClient;
  readonly signal: AbortSignal | undefined;
}

/** One HTTP request the emulator was asked, with the signal axios was given. */
export interface HttpRequest {
  readonly url: string;
  readonly signal: AbortSignal | undefined;
}

export interface FakeHost extends Host {
  readonly store: ScopeStore;
  readonly timers: RecordingTimers;
  readonly bus: ReturnType<typeof channelBus>;
  readonly navigated: string[];
  readonly stored: Map<string, string>;
  /** What `loadApi` resolves to (spy on it to see the clients made). */
  readonly pageApi: PageApi;
  /** How many API clients the host made. */
  readonly clients: () => number;
  readonly clientCalls: ClientCall[];
  readonly requests: HttpRequest[];
  /** Calls of `method` across every client made. */
  calls(method: keyof ApiClient): number;
  /** From the next call on, every API call fails with `error`; null serves again. */
  fail(error: ApiError | null): void;
  /** Holds the emulator's answers until the returned function is called. */
  hold(): () => void;
}

/** A signal-aware wait: settles when `gate` does, rejects as axios does when the signal fires. */
function gated(gate: Promise<void>, config: InternalAxiosRequestConfig): Promise<void> {
  const signal = config.signal as AbortSignal | undefined;
  return new Promise<void>((resolve, reject) => {
    const onAbort = () => reject(new CanceledError(undefined, undefined, config));
    if (signal?.aborted) {
      onAbort();
      return;
    }
    signal?.addEventListener('abort', onAbort, { once: true });
    void gate.then(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    });
  });
}

export function fakeHost(
  over: { settings?: WidgetSettings; isAdmin?: boolean; origin?: string } = {},
): FakeHost {
  const app = createSandboxApp({
    account: HOST_ACCOUNT,
    rateLimit: { enabled: false },
    clock: { now: () => DEMO_NOW * 1000 },
  });
  let gate: Promise<void> = Promise.resolve();
  let failing: ApiError | null = null;
  const requests: HttpRequest[] = [];
  const clientCalls: ClientCall[] = [];
  let made = 0;

  const adapter: AxiosAdapter = async config => {
    const url = config.url ?? '';
    requests.push({ url, signal: config.signal as AbortSignal | undefined });
    await gated(gate, config);
    const headers = AxiosHeaders.from(config.headers).toJSON() as Record<string, string>;
    const method = (config.method ?? 'get').toUpperCase() as 'GET' | 'PATCH' | 'POST';
    const payload = typeof config.data === 'string' ? config.data : undefined;
    const reply = await app.inject({ method, url, headers, ...(payload && { payload }) });
    if (config.signal?.aborted) throw new CanceledError(undefined, undefined, config);
    const response: AxiosResponse = {
      data: reply.body,
      status: reply.statusCode,
      statusText: reply.statusMessage,
      headers: AxiosHeaders.from(reply.headers as Record<string, string>),
      config,
      request: {},
    };
    const valid = config.validateStatus?.(reply.statusCode) ?? true;
    if (!valid) {
      throw new AxiosError(
        `Request failed with status code ${reply.statusCode}`,
        reply.statusCode >= 500 ? AxiosError.ERR_BAD_RESPONSE : AxiosError.ERR_BAD_REQUEST,
        config,
        {},
        response,
      );
    }
    return response;
  };

  /** The widget's client over the emulator, each call recorded and failing while told to. */
  function client(onWait: Parameters<PageApi['createClient']>[0]['onWait']): ApiClient {
    made++;
    const real = createApiClient({
      http: createTokenHttp({ baseURL: '', token: DEFAULT_TOKEN, adapter }),
      // The emulator limits nothing here; a slot is still held on a timer, due at once.
      rateLimit: { limit: 1_000_000, intervalMs: 0 },
      sleep: () => Promise.resolve(),
      onWait,
    });
    const record = (method: keyof ApiClient, signal: AbortSignal | undefined) => {
      clientCalls.push({ method, signal });
      if (failing) throw failing;
    };
    return {
      getAccount: async o => {
        record('getAccount', o?.signal);
        return real.getAccount(o);
      },
      getPipelines: async o => {
        record('getPipelines', o?.signal);
        return real.getPipelines(o);
      },
      getPipeline: async (id, o) => {
        record('getPipeline', o?.signal);
        return real.getPipeline(id, o);
      },
      getUsers: async o => {
        record('getUsers', o?.signal);
        return real.getUsers(o);
      },
      getLossReasons: async o => {
        record('getLossReasons', o?.signal);
        return real.getLossReasons(o);
      },
      getLeadTags: async o => {
        record('getLeadTags', o?.signal);
        return real.getLeadTags(o);
      },
      getLeadCustomFields: async o => {
        record('getLeadCustomFields', o?.signal);
        return real.getLeadCustomFields(o);
      },
      getLead: async (id, o) => {
        record('getLead', o?.signal);
        return real.getLead(id, o);
      },
      async *leadPages(filter, o) {
        record('leadPages', o?.signal);
        return yield* real.leadPages(filter, o);
      },
      async *eventPages(filter, o) {
        record('eventPages', o?.signal);
        return yield* real.eventPages(filter, o);
      },
    };
  }

  const pageApi: PageApi = {
    createClient: ({ onWait }) => client(onWait),
    toApiError: error => toApiError(error),
    createWriter: () =>
      createLeadWriter(createTokenHttp({ baseURL: '', token: DEFAULT_TOKEN, adapter })),
  };
  const bus = channelBus();
  const stored = new Map<string, string>();
  const navigated: string[] = [];
  return {
    doc: document,
    lang: 'ru',
    platform: 'amoCRM',
    support: null,
    messages: ru,
    account: { id: ACCOUNT_ID, timezone: 'Europe/Moscow', currency: 'RUB' },
    user: { id: USER_IDS.admin, name: 'Анна Соколова', isAdmin: over.isAdmin ?? true },
    managers: MANAGERS,
    settings: over.settings ?? DEFAULT_SETTINGS,
    origin: over.origin ?? 'https://demo.amocrm.ru',
    // A `<style>` per mount, there at once: jsdom loads no stylesheet a link would name.
    addStyles: () => {
      const style = document.head.appendChild(document.createElement('style'));
      style.setAttribute('data-funnel-lens', '');
      style.textContent = WIDGET_CSS;
      return { loaded: Promise.resolve(), release: () => style.remove() };
    },
    loadApi: () => Promise.resolve(pageApi),
    pageApi,
    store: createMemoryStore(),
    lock: soloLock,
    channel: bus.tab(),
    spawnWorker: () => null,
    navigate: url => navigated.push(url),
    storage: {
      get: key => stored.get(key) ?? null,
      set: (key, value) => {
        stored.set(key, value);
      },
    },
    clock: () => DEMO_NOW * 1000,
    timers: recordingTimers({ zeroDelayRuns: true }),
    bus,
    navigated,
    stored,
    clients: () => made,
    clientCalls,
    requests,
    calls: method => clientCalls.filter(c => c.method === method).length,
    fail: error => {
      failing = error;
    },
    hold: () => {
      let release: () => void = () => undefined;
      gate = new Promise<void>(resolve => {
        release = resolve;
      });
      return () => {
        gate = Promise.resolve();
        release();
      };
    },
  };
}
