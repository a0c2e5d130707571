/**
 * The system widget object amoCRM builds before calling the widget's constructor on it (reference
 * §4): `system()`, settings, i18n, `render` (twig.js), `render_template`, `list_selected` … The
 * constructor then adds `callbacks` (and whatever else it likes) to this same object.
 */
import type { HostBoot } from '../protocol';
import { jquery, twig } from '../vendor';
import { lookup, type WidgetEnv } from './env';
import { widgetRender } from './render';
import { renderTemplate } from './template';

export interface ListSelection {
  readonly selected: readonly { id: number; type: string; emails: string[]; phones: string[] }[];
  readonly summary: { items: number; emails: number; phones: number };
}

export interface SystemDeps {
  readonly env: WidgetEnv;
  readonly boot: HostBoot;
  readonly langs: Record<string, unknown>;
  /** The area code of this object (`llist`, `lcard`, …); live for `init_once` widgets. */
  readonly area: () => string;
  readonly listSelected: () => ListSelection;
  readonly cardColumn: () => HTMLElement | null;
  readonly toggleOverlay: (visible: boolean) => void;
}

export type SystemWidget = Record<string, unknown>;

/** The one jQuery call `$authorizedAjax` forwards to (vendor.ts types only what the host uses). */
interface JQueryAjax {
  ajax(options: object): unknown;
}

export function createSystemWidget(deps: SystemDeps): SystemWidget {
  const { env, boot } = deps;
  const widget: SystemWidget = {};
  const currentLangs = (): Record<string, unknown> => {
    const langs = widget.langs;
    return typeof langs === 'object' && langs !== null ? (langs as Record<string, unknown>) : {};
  };
  Object.assign(widget, {
    system: () => ({
      area: deps.area(),
      amouser_id: boot.user.id,
      amouser: boot.user.email,
      amohash: `sandbox-${boot.user.id}`,
      subdomain: boot.account.subdomain,
      domain: window.location.host,
      server: 'sandbox',
      displayed_count: 0,
      displayed_count_by_area: {},
    }),
    get_settings: () => env.params,
    set_settings: (values: unknown) => {
      if (typeof values === 'object' && values !== null) Object.assign(env.params, values);
    },
    params: env.params,
    langs: deps.langs,
    i18n: (key: unknown) => (typeof key === 'string' ? lookup(currentLangs(), key) : undefined),
    set_lang: (langs: unknown) => {
      if (typeof langs === 'object' && langs !== null) widget.langs = langs;
    },
    render_template: (options: unknown, params?: unknown) =>
      renderTemplate(env, deps.cardColumn(), twig(), options, params),
    render: (data: unknown, params?: unknown) => widgetRender(twig(), data, params),
    list_selected: () => deps.listSelected(),
    // Kommo's one-time-token request (developers.kommo.com/docs/one-time-tokens): `$.ajax` plus an
    // `X-Auth-Token` JWT signed with the integration's secret. The sandbox has no secret, so it
    // sends the request without a token rather than an invented one (README, Known limits).
    $authorizedAjax: (options: unknown) =>
      (jquery() as unknown as JQueryAjax).ajax(
        typeof options === 'object' && options !== null ? options : {},
      ),
    get_version: () => env.version,
    get_install_status: () => env.installStatus(),
    widgetsOverlay: (visible?: unknown) => deps.toggleOverlay(visible !== false),
    get_accounts_current: () => ({
      id: boot.account.id,
      name: boot.account.name,
      subdomain: boot.account.subdomain,
      currency: boot.account.currency,
      timezone: boot.account.timezone,
    }),
  });
  return widget;
}
