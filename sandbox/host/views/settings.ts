/**
 * Settings pages:
 * - `/settings/widgets/` — Integrations ('widgetsSettings'): the widget's tile; a click opens the
 *   widget's settings modal (widget/settingsModal.ts).
 * - `/settings/widgets/{code}/` — the widget's advanced settings page ('advanced-settings:<code>'):
 *   an empty `#list_page_holder` inside `#page_holder`, then `callbacks.advancedSettings()`.
 */
import { html, setHtml } from '../dom';
import type { Modal } from '../modal';
import { jquery } from '../vendor';
import { openSettingsModal } from '../widget/settingsModal';
import { messageBlock, type View, type ViewContext } from './view';

export function createIntegrationsView(ctx: ViewContext, onStored: () => void): View {
  const { t, env, boot } = ctx;
  let root: HTMLElement | null = null;
  let modal: Modal | null = null;

  const drawTile = async (): Promise<void> => {
    const grid = root?.querySelector('.integrations__grid');
    if (grid === undefined || grid === null) return;
    if (env === null) {
      setHtml(grid, messageBlock('error', t('widgetMissing')));
      return;
    }
    const [name, short] = await Promise.all([
      env.text(env.manifest.widget.name),
      env.text(env.manifest.widget.short_description),
    ]);
    const status = env.installStatus();
    const label = {
      installed: t('installed'),
      install: t('notInstalled'),
      not_configured: t('notConfigured'),
    }[status];
    setHtml(
      grid,
      html`<button
        type="button"
        class="widget-tile"
        data-code="${env.code}"
        data-status="${status}"
      >
        <img
          class="widget-tile__logo"
          src="${env.path}/images/logo_small.png?v=${encodeURIComponent(env.version)}"
          alt=""
        />
        <span class="widget-tile__name">${name}</span>
        <span class="widget-tile__desc">${short}</span>
        <span class="widget-tile__status widget-tile__status--${status}">${label}</span>
      </button>`,
    );
  };

  return {
    area: { widgetsArea: 'widgetsSettings', baseEntity: 'settings', isCard: false },
    menu: 'integrations',
    title: `${t('settings')} — ${t('integrations')}`,
    mount(holder) {
      setHtml(
        holder,
        html`<div class="integrations" id="integrations_page" data-view="integrations">
          <div class="list__top-bar"><h2 class="page-title">${t('integrations')}</h2></div>
          <div class="integrations__grid"></div>
        </div>`,
      );
      root = holder.querySelector<HTMLElement>('#integrations_page');
      root?.addEventListener('click', event => {
        const tile = event.target instanceof Element ? event.target.closest('.widget-tile') : null;
        if (tile === null || env === null || modal?.isOpen === true) return;
        openSettingsModal({
          env,
          runtime: ctx.runtime,
          boot,
          t,
          onStored: () => {
            onStored();
            void drawTile();
          },
        }).then(
          opened => {
            modal = opened;
          },
          (error: unknown) => console.error('[sandbox] the settings modal failed', error),
        );
      });
      return {
        currentView: { $el: root === null ? undefined : jquery()(root) },
        currentCard: false,
      };
    },
    load: async () => {
      await drawTile();
      return true;
    },
    // No widget in the Integrations page itself: the `settings` area is the modal.
    enterWidget: () => Promise.resolve(),
    dispose: () => modal?.destroy(),
  };
}

export function createAdvancedView(ctx: ViewContext, code: string): View {
  const { t, env } = ctx;
  const ours = env !== null && env.code === code && env.allows('advanced_settings') && env.active;
  return {
    area: { widgetsArea: `advanced-settings:${code}`, baseEntity: 'settings', isCard: false },
    menu: 'advanced',
    title: t('settings'),
    mount(holder) {
      if (ours) {
        setHtml(
          holder,
          html`<div id="list_page_holder" class="advanced-settings" data-view="advanced">
            <div id="work-area-${code}" class="work-area"></div>
          </div>`,
        );
      } else {
        setHtml(holder, messageBlock('error', t('notFound')));
      }
      const page = holder.querySelector<HTMLElement>('#list_page_holder');
      return {
        currentView: { $el: page === null ? undefined : jquery()(page) },
        currentCard: false,
      };
    },
    load: () => Promise.resolve(true),
    enterWidget: async stillCurrent => {
      if (ours) await ctx.runtime.enterAdvanced(stillCurrent);
    },
    dispose: () => undefined,
  };
}
