import type { ApiClient, WaitInfo } from '../api';
import type { Lang } from '../i18n';
import { createTranslate } from '../i18n';
import type {
  PipelineDeps,
  SyncChannel,
  TabLock,
  Timers,
  WidgetSettings,
  WorkerLike,
} from '../state';
import type { PipelineStore } from '../sync';
import type { Manager, UiEnv } from '../ui';
import { buildStageListUrl, createFormatters } from '../ui';

/**
 * What a mount needs from where it runs. The widget adapter builds it over amoCRM's `self` and
 * `APP`; tests build it over fakes. It is the one seam between amoCRM and everything in src/.
 */
export interface Host {
  readonly doc: Document;
  readonly lang: Lang;
  /** The locale messages amoCRM loaded for the widget (`self.langs`). */
  readonly messages: unknown;
  readonly account: {
    readonly id: number;
    readonly timezone: string;
    readonly currency: string | null;
  };
  readonly user: { readonly id: number; readonly name: string; readonly isAdmin: boolean };
  readonly managers: readonly Manager[];
  readonly settings: WidgetSettings;
  createClient(hooks: { onWait: (info: WaitInfo) => void }): ApiClient;
  readonly store: PipelineStore;
  readonly lock: TabLock;
  readonly channel: SyncChannel;
  spawnWorker(): WorkerLike | null;
  navigate(url: string): void;
  readonly storage: { get(key: string): string | null; set(key: string, value: string): void };
  readonly clock: () => number;
  readonly timers: Timers;
}

/** What one pipeline's models need, taken from the host: this account's and user's copy. */
export function pipelineDeps(host: Host, pipelineId: number): PipelineDeps {
  return {
    scope: { accountId: host.account.id, userId: host.user.id, pipelineId },
    store: host.store,
    createClient: hooks => host.createClient(hooks),
    spawnWorker: () => host.spawnWorker(),
    settings: host.settings,
    timeZone: host.account.timezone,
    clock: host.clock,
    lock: host.lock,
    channel: host.channel,
    timers: host.timers,
    readUsers: host.user.isAdmin,
  };
}

/** The words, formats and links every component of a mount reads (ui/env.ts). */
export function createUiEnv(host: Host): UiEnv {
  const names = new Map(host.managers.map(m => [m.id, m.name]));
  const t = createTranslate(host.messages, host.lang);
  return {
    t,
    fmt: createFormatters(host.lang, host.account.timezone, host.account.currency),
    timeZone: host.account.timezone,
    managers: host.managers,
    userName: id => names.get(id) ?? `#${id}`,
    leadUrl: id => `/leads/detail/${id}`,
    stageListUrl: buildStageListUrl,
    navigate: url => host.navigate(url),
    clock: host.clock,
  };
}
