/**
 * The `APP` global and its deprecated twin `AMOCRM` (one object, reference §5). The host keeps the
 * raw object and changes its area state on every navigation; widgets see it through a recording
 * proxy (recorder.ts). Replacing `window.APP` itself is recorded and ignored, so a widget cannot
 * silently take the page's state away from the other widgets.
 */
import type { HostBoot } from '../protocol';
import { buildConstants } from './constants';
import { WriteRecorder, type WriteLog } from './recorder';

export interface NavigateOptions {
  readonly trigger?: boolean;
  readonly replace?: boolean;
}

export interface AreaInfo {
  /** `APP.getWidgetsArea()`: leads, leads-pipeline, leads_card, widgetsSettings, advanced-settings:<code>. */
  readonly widgetsArea: string;
  readonly baseEntity: string;
  readonly isCard: boolean;
}

/** What the views put into `APP.data`. */
export interface AppData {
  current_view?: Record<string, unknown>;
  current_card: Record<string, unknown> | false;
  current_entity: string;
}

export interface ErrorNotice {
  readonly header?: string;
  readonly text?: string;
}

export interface AppHooks {
  navigate(url: string, options: NavigateOptions): void;
  notify(kind: 'error' | 'call', notice: ErrorNotice | string): void;
}

export interface HostApp {
  /** The raw object; the host writes here. */
  readonly raw: Record<string, unknown>;
  readonly data: AppData;
  setArea(area: AreaInfo): void;
}

export interface HostEvent {
  readonly type: string;
  readonly [detail: string]: unknown;
}

declare global {
  interface Window {
    __hostWrites: WriteLog;
    __hostEvents: HostEvent[];
  }
}

export function installGlobals(boot: HostBoot, hooks: AppHooks): HostApp {
  window.__hostWrites = [];
  window.__hostEvents = [];
  const recorder = new WriteRecorder(window.__hostWrites);
  const constants = buildConstants(boot);
  let area: AreaInfo = { widgetsArea: '', baseEntity: '', isCard: false };
  const data: AppData = { current_card: false, current_entity: '' };

  const raw: Record<string, unknown> = {
    lang_id: boot.lang,
    getWidgetsArea: () => area.widgetsArea,
    getBaseEntity: () => area.baseEntity,
    isCard: () => area.isCard,
    constant(key: string, ...value: unknown[]): unknown {
      if (value.length > 0) {
        recorder.record(`APP.constant('${key}')`, 'constant', value[0]);
        constants[key] = value[0];
        return undefined;
      }
      return recorder.wrap(constants[key], `APP.constant('${key}')`);
    },
    data,
    router: {
      navigate: (url: unknown, options?: NavigateOptions) => {
        if (typeof url !== 'string')
          throw new TypeError('APP.router.navigate: url must be a string');
        hooks.navigate(url, options ?? {});
      },
    },
    notifications: {
      add_error: (notice: ErrorNotice | string) => hooks.notify('error', notice),
      add_call: (notice: ErrorNotice | string) => hooks.notify('call', notice),
    },
  };

  const app = recorder.wrap(raw, 'APP');
  for (const name of ['APP', 'AMOCRM']) {
    Object.defineProperty(window, name, {
      configurable: false,
      enumerable: true,
      get: () => app,
      set: (value: unknown) => {
        recorder.record(`window.${name}`, 'replace', value);
        console.warn(`[sandbox] a script tried to replace window.${name}; the write was ignored`);
      },
    });
  }

  return {
    raw,
    data,
    setArea(next) {
      area = next;
    },
  };
}
