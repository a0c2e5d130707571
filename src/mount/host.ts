import type { ApiClient, ApiError, LeadWriter, WaitInfo } from '../api';
import type { Lang, Platform } from '../i18n';
import { createTranslate } from '../i18n';
import type {
  EditRight,
  PeriodChoice,
  PipelineDeps,
  SyncChannel,
  TabLock,
  Timers,
  WidgetSettings,
  WorkerLike,
} from '../state';
import type { ScopeStore } from '../sync';
import type { Manager, SupportContacts, UiEnv } from '../ui';
import { buildStageListUrl, createFormatters } from '../ui';

/**
 * What a mount needs from where it runs. The widget adapter builds it over amoCRM's `self` and
 * `APP`; tests build it over fakes. It is the one seam between amoCRM and everything in src/.
 */
export interface Host {
  readonly doc: Document;
  readonly lang: Lang;
  /** The CRM the account is on: texts name it, and it is what the user knows it by. */
  readonly platform: Platform;
  /** The locale messages amoCRM loaded for the widget (`self.langs`). */
  readonly messages: unknown;
  readonly account: {
    readonly id: number;
    readonly timezone: string;
    readonly currency: string | null;
  };
  readonly user: {
    readonly id: number;
    readonly name: string;
    readonly isAdmin: boolean;
    /** `rights.leads.edit` where the page says it; absent: amoCRM alone judges a write. */
    readonly leadsEdit?: EditRight | null | undefined;
  };
  readonly managers: readonly Manager[];
  readonly settings: WidgetSettings;
  /** The account's origin (`https://<sub>.amocrm.ru`): the data worker's API requests go there. */
  readonly origin: string;
  /**
   * The API for the page itself (settings, the lead of a card, a page-thread service). Its code is
   * fetched on first use: the panel's usual path asks the worker and never needs it.
   */
  loadApi(): Promise<PageApi>;
  /**
   * The widget's stylesheet (the archive's style.css) on the page for one mount: `loaded` settles
   * once it applies or failed to load; `release` gives it back, and the last one out removes it.
   */
  addStyles(): StyleUse;
  /**
   * The cache, for a data service that runs on the page (a worker opens its own); opened on first
   * use.
   */
  readonly store: ScopeStore;
  readonly lock: TabLock;
  readonly channel: SyncChannel;
  spawnWorker(): WorkerLike | null;
  navigate(url: string): void;
  readonly storage: { get(key: string): string | null; set(key: string, value: string): void };
  readonly clock: () => number;
  readonly timers: Timers;
  /** The publisher's contacts, for messages that ask the user to act (null: none known). */
  readonly support: SupportContacts | null;
}

/** One mount's use of the widget's stylesheet (Host.addStyles). */
export interface StyleUse {
  readonly loaded: Promise<void>;
  release(): void;
}

/** The API's part on the page (Host.loadApi). */
export interface PageApi {
  /** `waitBudgetSeconds`: the client's budget for 429s; the data service sets it. */
  createClient(hooks: { onWait: (info: WaitInfo) => void; waitBudgetSeconds?: number }): ApiClient;
  /** Anything a request threw, as the ApiError the UI speaks of. */
  toApiError(error: unknown): ApiError;
  /** The widget's writes to amoCRM: snoozed deals' fields (metrics.md F.6). */
  createWriter(): LeadWriter;
}

/** What one pipeline's models need, taken from the host: this account's and user's copy. */
export function pipelineDeps(host: Host, pipelineId: number, period: PeriodChoice): PipelineDeps {
  return {
    config: {
      scope: { accountId: host.account.id, userId: host.user.id, pipelineId },
      origin: host.origin,
      readUsers: host.user.isAdmin,
      period,
      timeZone: host.account.timezone,
      horizonDays: host.settings.horizonDays,
      sideStageIds: host.settings.sideStageIds,
    },
    spawnWorker: () => host.spawnWorker(),
    pagePorts: async () => {
      const api = await host.loadApi();
      return {
        createClient: hooks => api.createClient(hooks),
        // Lent, not given: a service closes its cache when disposed, and the host's is shared by
        // every mount and the next pipeline's service.
        openCache: () => Promise.resolve(lent(host.store)),
        lock: host.lock,
        channel: host.channel,
        timers: host.timers,
        clock: host.clock,
      };
    },
    settings: host.settings,
    clock: host.clock,
    timers: host.timers,
    storage: host.storage,
  };
}

/** `store` for one borrower: everything but close(), which only its owner may do. */
function lent(store: ScopeStore): ScopeStore {
  return {
    load: scope => store.load(scope),
    loadEvents: (scope, buckets) => store.loadEvents(scope, buckets),
    save: (scope, change) => store.save(scope, change),
    clear: scope => store.clear(scope),
    close: () => undefined,
  };
}

/** The words, formats and links every component of a mount reads (ui/env.ts). */
export function createUiEnv(host: Host): UiEnv {
  const names = new Map(host.managers.map(m => [m.id, m.name]));
  const t = createTranslate(host.messages, host.lang, host.platform);
  return {
    t,
    fmt: createFormatters(host.lang, host.account.timezone, host.account.currency),
    timeZone: host.account.timezone,
    managers: host.managers,
    userName: id => (id === null ? t('fl.common.managers.none') : (names.get(id) ?? `#${id}`)),
    leadUrl: id => `/leads/detail/${id}`,
    stageListUrl: buildStageListUrl,
    navigate: url => host.navigate(url),
    clock: host.clock,
    support: host.support,
  };
}
