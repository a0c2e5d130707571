import type { PipelineStore } from '../sync';
import type { ApiClient, WaitInfo } from '../api';
import type { Lang } from '../i18n';
import type { WorkerLike } from '../state';
import type { SyncChannel, TabLock, Timers } from '../state';
import type { WidgetSettings } from '../state';
import type { Manager } from '../ui';

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
