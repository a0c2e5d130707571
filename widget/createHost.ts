import type { Host, PageApi } from '../src/mount';
import { realTimers } from '../src/state';
import { DEFAULT_SETTINGS, parseSettings } from '../src/state';
import {
  broadcastChannel,
  channelName,
  deferredStore,
  localStore,
  spawnEngineWorker,
  webLock,
} from './browser';
import type { AmoSelf } from './amoGlobals';
import type * as PagePartModule from './workerPorts';
import { platformOf } from '../src/i18n';
import { publisherContacts } from './publisher';
import { sharedStyleSheet, styleSheetUrl } from './styleSheet';
import {
  hostAccount,
  hostLang,
  hostManagers,
  hostUser,
  navigate,
  widgetCode,
  widgetSettings,
} from './amoGlobals';

/**
 * The page's API and cache code (workerPorts.ts and what it imports: engine.js, the chunk the
 * worker runs). Fetched on first use; a failed fetch is not kept, so the next use tries again.
 */
type PagePart = typeof PagePartModule;
let pagePart: Promise<PagePart> | null = null;
function loadPagePart(): Promise<PagePart> {
  if (!pagePart) {
    const loading = import(/* webpackChunkName: "engine" */ './workerPorts');
    loading.catch(() => {
      if (pagePart === loading) pagePart = null;
    });
    pagePart = loading;
  }
  return pagePart;
}

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
  const styles = sharedStyleSheet(doc, path === null ? null : styleSheetUrl(path, version));
  const lang = hostLang();
  const store = deferredStore(() => loadPagePart().then(m => m.openStore()));
  let api: PageApi | null = null;
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
    addStyles: styles,
    loadApi: async () => (api ??= (await loadPagePart()).pageApi(account.id)),
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
