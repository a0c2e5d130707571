/**
 * Everything about the installed widget that lives for one page load: its manifest, saved
 * settings, the `params` object (`get_settings()` returns this very object, `set_settings` adds to
 * it), the language file, and the constructor RequireJS loads from `<path>/script.js?v=<version>`.
 */
import { z } from 'zod';
import {
  locationAreas,
  type HostBoot,
  type StoredWidgetSettings,
  type WidgetManifest,
} from '../protocol';
import { requirejs } from '../vendor';

export type WidgetBootOk = Extract<HostBoot['widget'], { ok: true }>;
export type InstallStatus = 'installed' | 'install' | 'not_configured';
export type WidgetConstructor = (this: Record<string, unknown>) => unknown;

const langsSchema = z.record(z.string(), z.unknown());

/** `i18n('a.b')`: the top-level key if present (amoCRM's own use), else the dotted path. */
export function lookup(langs: Readonly<Record<string, unknown>>, key: string): unknown {
  if (key in langs) return langs[key];
  let current: unknown = langs;
  for (const part of key.split('.')) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

export class WidgetEnv {
  readonly code: string;
  readonly path: string;
  readonly manifest: WidgetManifest;
  readonly version: string;
  readonly lang: string;
  readonly params: Record<string, unknown>;
  settings: StoredWidgetSettings;
  private readonly areas: ReadonlySet<string>;
  private constructorLoad: Promise<WidgetConstructor> | undefined;
  private langsLoad: Promise<Record<string, unknown>> | undefined;

  constructor(boot: HostBoot, widget: WidgetBootOk) {
    this.code = widget.code;
    this.path = widget.path;
    this.manifest = widget.manifest;
    this.version = widget.manifest.widget.version;
    this.settings = widget.settings;
    this.areas = locationAreas(widget.manifest);
    const locales = widget.manifest.widget.locale;
    this.lang = locales.includes(boot.lang) ? boot.lang : (locales[0] ?? boot.lang);
    this.params = {
      widget_code: this.code,
      path: this.path,
      version: this.version,
      images_path: `${this.path}/images`,
      id: `sandbox-${this.code}`,
      oauth_client_uuid: '',
      support: widget.manifest.widget['support'],
    };
    this.applySettings(widget.settings);
  }

  get initOnce(): boolean {
    return this.manifest.widget.init_once === true;
  }

  /** Declared in `locations` (suffixes stripped); `everywhere` covers lists, cards and kanban. */
  allows(area: string): boolean {
    if (this.areas.has(area)) return true;
    return this.areas.has('everywhere') && (area === 'llist' || area === 'lcard');
  }

  get active(): boolean {
    return this.settings.active === 'Y';
  }

  installStatus(): InstallStatus {
    if (!this.active) return 'install';
    const fields = this.manifest.settings ?? {};
    const missing = Object.entries(fields).some(
      ([name, field]) => field.required === true && (this.settings.fields[name] ?? '') === '',
    );
    return missing ? 'not_configured' : 'installed';
  }

  applySettings(settings: StoredWidgetSettings): void {
    for (const name of Object.keys(this.settings.fields)) Reflect.deleteProperty(this.params, name);
    this.settings = settings;
    Object.assign(this.params, settings.fields, {
      active: settings.active,
      widget_active: settings.active,
      status: this.installStatus(),
    });
  }

  loadConstructor(): Promise<WidgetConstructor> {
    this.constructorLoad ??= new Promise((resolve, reject) => {
      const url = `${this.path}/script.js?v=${encodeURIComponent(this.version)}`;
      requirejs()(
        [url],
        factoryValue => {
          if (typeof factoryValue === 'function') resolve(factoryValue as WidgetConstructor);
          else
            reject(
              new TypeError(
                `${url} must define a constructor function, got ${typeof factoryValue}`,
              ),
            );
        },
        error => reject(error),
      );
    });
    return this.constructorLoad;
  }

  loadLangs(): Promise<Record<string, unknown>> {
    this.langsLoad ??= fetch(
      `${this.path}/i18n/${this.lang}.json?v=${encodeURIComponent(this.version)}`,
    ).then(async response => {
      if (!response.ok) throw new Error(`i18n/${this.lang}.json: HTTP ${response.status}`);
      return langsSchema.parse(await response.json());
    });
    return this.langsLoad;
  }

  /** A manifest i18n key resolved in the widget's language file, or the key itself. */
  async text(key: string): Promise<string> {
    const langs = await this.loadLangs().catch(() => ({}));
    const value = lookup(langs, key);
    return typeof value === 'string' ? value : key;
  }
}
