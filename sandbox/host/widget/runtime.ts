/**
 * The widget lifecycle, in amoCRM's order (reference §3.2–3.3): in every area its manifest
 * declares, a fresh system object, the constructor called on it, `render` → (only if it returned
 * true, or a Promise of true) `bind_actions` → `init`; `destroy` when the area is left. `init_once: true` widgets are
 * built once per page load, in any area, and never destroyed on navigation. The integrations
 * modal and the advanced settings page get their own object (areas `settings`,
 * `advanced_settings`) with the same three callbacks first, then `settings($body)` or
 * `advancedSettings()`. Every callback runs inside try/catch: a throwing widget is logged to the
 * console and the page carries on.
 */
import type { HostBoot } from '../protocol';
import type { JQueryLike } from '../vendor';
import type { WidgetEnv } from './env';
import { createSystemWidget, type ListSelection, type SystemWidget } from './system';

export type WidgetArea = 'llist' | 'everywhere' | 'lcard' | 'settings' | 'advanced_settings';

export interface RuntimeDeps {
  readonly env: WidgetEnv | null;
  readonly boot: HostBoot;
  readonly listSelected: () => ListSelection;
  readonly cardColumn: () => HTMLElement | null;
  readonly toggleOverlay: (visible: boolean) => void;
  readonly notifyError: (text: string) => void;
}

export interface WidgetInstance {
  readonly widget: SystemWidget;
  readonly callbacks: Record<string, unknown>;
  readonly area: () => string;
}

const REQUIRED_CALLBACKS = ['render', 'init', 'bind_actions'] as const;

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

export class WidgetRuntime {
  private page: WidgetInstance | null = null;
  private pageArea: WidgetArea | null = null;
  private loadErrorShown = false;
  private onceBuild: Promise<void> | undefined;
  private latestArea: (() => string) | null = null;

  constructor(private readonly deps: RuntimeDeps) {}

  get env(): WidgetEnv | null {
    return this.deps.env;
  }

  /** The area of the widget object built last (what `APP.widgets.system.area` reports). */
  systemArea(): string {
    return this.latestArea?.() ?? '';
  }

  /** Builds the widget for the page's area (if declared) after the view has drawn itself. */
  async enterPage(area: WidgetArea | null, stillCurrent: () => boolean): Promise<void> {
    this.pageArea = area;
    const env = this.deps.env;
    if (env === null || !env.active) return;
    if (env.initOnce) {
      // Built once per page load; concurrent navigations share the one build.
      this.onceBuild ??= this.build(() => this.pageArea ?? 'everywhere').then(instance => {
        if (instance === null) return;
        this.page = instance;
        this.start(instance);
      });
      await this.onceBuild;
      return;
    }
    if (area === null || !env.allows(area)) return;
    const instance = await this.build(() => area);
    if (instance === null || !stillCurrent()) return;
    this.page = instance;
    this.start(instance);
  }

  leavePage(): void {
    if (this.deps.env?.initOnce === true || this.page === null) return;
    const instance = this.page;
    this.page = null;
    this.call(instance, 'destroy');
  }

  /** The advanced page: build in `advanced_settings`, then `advancedSettings()`. */
  async enterAdvanced(stillCurrent: () => boolean): Promise<boolean> {
    this.pageArea = 'advanced_settings';
    const env = this.deps.env;
    if (env === null || !env.allows('advanced_settings')) return false;
    const instance = await this.build(() => 'advanced_settings');
    if (instance === null || !stillCurrent()) return false;
    this.leavePage();
    this.page = instance;
    this.start(instance);
    this.call(instance, 'advancedSettings');
    return true;
  }

  /** The integrations modal: a separate object in area `settings`, then `settings($body)`. */
  /**
   * `built` hears of the instance before `settings()` runs: a widget may click Save from inside
   * `settings()` (Kommo's React template does), and that click's onSave needs the instance.
   */
  async openSettings(
    $body: JQueryLike,
    built?: (instance: WidgetInstance) => void,
  ): Promise<WidgetInstance | null> {
    const env = this.deps.env;
    if (env === null || !env.allows('settings')) return null;
    const instance = await this.build(() => 'settings');
    if (instance === null) return null;
    this.start(instance);
    built?.(instance);
    this.call(instance, 'settings', $body);
    return instance;
  }

  closeSettings(instance: WidgetInstance | null): void {
    if (instance !== null) this.call(instance, 'destroy');
    this.latestArea = this.page?.area ?? null;
  }

  /** `onSave(params)`: true or a Promise resolving to true allows the save; anything else refuses. */
  async save(instance: WidgetInstance | null, params: unknown): Promise<boolean> {
    if (instance === null || typeof instance.callbacks.onSave !== 'function') return true;
    const result = this.call(instance, 'onSave', params);
    if (result === true) return true;
    if (!isThenable(result)) return false;
    try {
      return (await result) === true;
    } catch (error) {
      console.info('[sandbox] onSave rejected; the settings were not saved', error);
      return false;
    }
  }

  /** `callbacks.leads.selected()` after rows were ticked and the widget picked in the list. */
  leadsSelected(): void {
    const leads = this.page?.callbacks.leads;
    const selected = (leads as { selected?: unknown } | undefined)?.selected;
    if (this.page === null || typeof selected !== 'function') return;
    this.record('leads.selected', this.page);
    this.guard('leads.selected', () => selected.call(leads));
  }

  private start(instance: WidgetInstance): void {
    const rendered = this.call(instance, 'render');
    const proceed = (): void => {
      this.call(instance, 'bind_actions');
      this.call(instance, 'init');
    };
    if (rendered === true) {
      proceed();
    } else if (isThenable(rendered)) {
      // Not in amoCRM's docs, but Kommo's own published widget (test/fixtures/foreign-widgets/
      // kommo-birthday) returns a Promise of true from render and draws its block in init, so
      // the platform must wait for it: the same rule as onSave.
      void Promise.resolve(rendered).then(
        value => {
          if (value === true) proceed();
        },
        (error: unknown) =>
          console.error(`[sandbox] widget ${this.deps.env?.code ?? ''} render rejected`, error),
      );
    }
  }

  private async build(area: () => string): Promise<WidgetInstance | null> {
    const env = this.deps.env;
    if (env === null) return null;
    let loaded: [Awaited<ReturnType<WidgetEnv['loadConstructor']>>, Record<string, unknown>];
    try {
      loaded = await Promise.all([env.loadConstructor(), env.loadLangs()]);
    } catch (error) {
      if (!this.loadErrorShown) {
        this.loadErrorShown = true;
        console.error(`[sandbox] widget ${env.code} failed to load`, error);
        this.deps.notifyError(
          `${env.code}: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      return null;
    }
    const [construct, langs] = loaded;
    this.latestArea = area;
    const widget = createSystemWidget({ ...this.deps, env, langs, area });
    if (!this.guard('constructor', () => construct.call(widget), true)) return null;
    const callbacks = widget.callbacks;
    const missing = REQUIRED_CALLBACKS.filter(
      name => typeof (callbacks as Record<string, unknown> | undefined)?.[name] !== 'function',
    );
    if (typeof callbacks !== 'object' || callbacks === null || missing.length > 0) {
      console.error(
        `[sandbox] widget ${env.code}: this.callbacks must have render, init and bind_actions (missing ${missing.join(', ')})`,
      );
      return null;
    }
    return { widget, callbacks: callbacks as Record<string, unknown>, area };
  }

  private call(instance: WidgetInstance, name: string, ...args: unknown[]): unknown {
    const callback = instance.callbacks[name];
    if (typeof callback !== 'function') return undefined;
    this.record(name, instance);
    let result: unknown;
    this.guard(name, () => {
      result = callback.apply(instance.callbacks, args);
    });
    return result;
  }

  private record(name: string, instance: WidgetInstance): void {
    window.__hostEvents.push({ type: 'callback', name, area: instance.area() });
  }

  private guard(name: string, run: () => unknown, isConstructor = false): boolean {
    try {
      run();
      return true;
    } catch (error) {
      const what = isConstructor ? 'constructor' : `callbacks.${name}`;
      console.error(`[sandbox] widget ${this.deps.env?.code ?? ''} ${what} threw`, error);
      return false;
    }
  }
}
