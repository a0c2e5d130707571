import { createApiClient, createBrowserHttp } from '../src/api';
import type { Host } from '../src/mount';
import { realTimers } from '../src/state';
import { DEFAULT_SETTINGS, parseSettings } from '../src/state';
import {
  broadcastChannel,
  deferredStore,
  localStore,
  openStore,
  spawnEngineWorker,
  webLock,
} from './browser';
import type { AmoSelf } from './amoGlobals';
import { platformOf } from '../src/i18n';
import { publisherContacts } from './publisher';
import { channelName, peersOf } from './workerPorts';
import {
  hostAccount,
  hostLang,
  hostManagers,
  hostUser,
  navigate,
  widgetCode,
  widgetSettings,
} from './amoGlobals';

/** What a client is asked with: the mount passes the data service's hooks on as they are. */
type ClientHooks = Parameters<Host['createClient']>[0] & {
  readonly waitBudgetSeconds?: number | undefined;
};

/** The browser's zone; only when amoCRM does not say the account's. */
function browserZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * The Host every mount gets, over amoCRM's widget object and globals. Returns null when the page
 * does not tell who the account and user are (then there is nothing we may safely show).
 */
export function createAmoHost(self: AmoSelf, doc: Document): Host | null {
  const account = hostAccount();
  const user = hostUser();
  if (!account || !user) return null;
  const settings = widgetSettings(self);
  const parsed = parseSettings(settings.config);
  const code = widgetCode(self);
  const path = settings.path ?? null;
  const version = settings.version === undefined ? '' : String(settings.version);
  const scriptUrl =
    path === null ? null : `${path.replace(/\/$/, '')}/script.js?v=${encodeURIComponent(version)}`;
  const lang = hostLang();
  const store = deferredStore(openStore());
  return {
    doc,
    lang,
    platform: platformOf(doc.location.hostname),
    messages: self.langs ?? {},
    account: {
      id: account.id,
      timezone: account.timezone ?? browserZone(),
      currency: account.currency,
    },
    user,
    managers: hostManagers(),
    settings: parsed.ok ? parsed.settings : DEFAULT_SETTINGS,
    origin: doc.location.origin,
    // Same origin, the user's session cookie: no tokens, and nothing leaves the account's /api/v4.
    // Its requests and the engine worker's share amoCRM's limit through the thread's hub.
    // The data service on the page passes its wait budget for 429s (the Host's type does not name
    // it); other clients keep the request layer's default.
    createClient: ({ onWait, waitBudgetSeconds }: ClientHooks) =>
      createApiClient({
        http: createBrowserHttp(),
        onWait,
        peers: peersOf(account.id),
        ...(waitBudgetSeconds === undefined ? {} : { waitBudgetSeconds }),
      }),
    store,
    lock: webLock(),
    channel: broadcastChannel(
      channelName({ accountId: account.id, userId: user.id, pipelineId: 0 }),
    ),
    spawnWorker: () => spawnEngineWorker(scriptUrl),
    navigate: url => navigate(url, doc.location),
    storage: localStore(`funnel-lens:${code}:`),
    clock: () => Date.now(),
    timers: realTimers,
    support: publisherContacts(),
  };
}
