/**
 * A mount's Host over fakes (jsdom only: it hands out `document`): the demo account's main
 * pipeline fresh in a memory store, a scripted amoCRM serving it, the engine in thread, recorded
 * model timers and an in-memory localStorage.
 */
import ru from '../../i18n/ru.json';
import type { Pipeline } from '../../src/core';
import type { Host } from '../../src/mount/host';
import { soloLock } from '../../src/state/ports';
import { DEFAULT_SETTINGS } from '../../src/state/settings';
import type { WidgetSettings } from '../../src/state/settings';
import { createMemoryStore } from '../../src/sync';
import type { PipelineData, PipelineStore } from '../../src/sync';
import { DEMO_NOW } from './demo';
import { demoPipelineData, SCOPE } from './pipelineData';
import { channelBus, recordingTimers, scriptedClient, seedStore } from './stateFakes';
import type { ClientScript } from './stateFakes';

export const HOST_DATA: PipelineData = demoPipelineData(300);
export const MAIN: Pipeline = HOST_DATA.pipelines[0]!;

/** The demo's main pipeline with two more: a second live one, and an archived one. */
export const PIPELINES: readonly Pipeline[] = [
  { ...MAIN, id: MAIN.id + 1, name: 'Повторные продажи', isMain: false, sort: 1 },
  MAIN,
  { ...MAIN, id: MAIN.id + 2, name: 'Архив 2024', isMain: false, isArchive: true, sort: 2 },
];

export interface FakeHost extends Host {
  readonly store: PipelineStore;
  readonly timers: ReturnType<typeof recordingTimers>;
  readonly bus: ReturnType<typeof channelBus>;
  readonly navigated: string[];
  readonly stored: Map<string, string>;
  readonly clients: ReturnType<typeof scriptedClient>[];
  /** Swaps what the fake amoCRM does from the next call on. */
  setScript(script: ClientScript): void;
  /** Calls of `method` across every client made. */
  calls(method: string): number;
}

export async function fakeHost(
  over: {
    settings?: WidgetSettings;
    isAdmin?: boolean;
    script?: ClientScript;
    /** The main pipeline is in the cache, fresh (default); false starts with an empty cache. */
    cached?: boolean;
  } = {},
): Promise<FakeHost> {
  const store = createMemoryStore();
  if (over.cached !== false) await seedStore(store, SCOPE, HOST_DATA);
  let script: ClientScript = over.script ?? {
    serve: { data: { ...HOST_DATA, pipelines: PIPELINES } },
  };
  const clients: ReturnType<typeof scriptedClient>[] = [];
  const bus = channelBus();
  const channel = bus.tab();
  const stored = new Map<string, string>();
  const navigated: string[] = [];
  return {
    doc: document,
    lang: 'ru',
    messages: ru,
    account: { id: SCOPE.accountId, timezone: 'Europe/Moscow', currency: 'RUB' },
    user: { id: SCOPE.userId, name: 'Анна Соколова', isAdmin: over.isAdmin ?? true },
    managers: (HOST_DATA.users ?? []).map(u => ({ id: u.id, name: u.name })),
    settings: over.settings ?? DEFAULT_SETTINGS,
    createClient: ({ onWait }) => {
      const client = scriptedClient(() => script, onWait);
      clients.push(client);
      return client;
    },
    store,
    lock: soloLock,
    channel,
    spawnWorker: () => null,
    navigate: url => navigated.push(url),
    storage: {
      get: key => stored.get(key) ?? null,
      set: (key, value) => {
        stored.set(key, value);
      },
    },
    clock: () => DEMO_NOW * 1000,
    timers: recordingTimers(),
    bus,
    navigated,
    stored,
    clients,
    setScript: next => {
      script = next;
    },
    calls: method => clients.flatMap(c => c.calls).filter(c => c.method === method).length,
  };
}
