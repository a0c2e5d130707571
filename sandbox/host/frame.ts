/**
 * The amoCRM (or, in Kommo mode, Kommo) frame around every view: the fixed left menu `#left_menu` (Сделки, Настройки; the
 * sandbox's user, language and theme switchers at its foot), the Settings submenu column shown on
 * settings pages (Интеграции and the widget's advanced page), and `#page_holder`, amoCRM's main
 * content wrapper the views draw into, each with its own top bar. `#topbar_title` is the page's
 * heading for assistive technology (amoCRM shows the title in each page's own top).
 */
import { html, must, setHtml } from './dom';
import type { HostBoot } from './protocol';
import { HOST_LANGS } from './protocol';
import type { StringKey, Translate } from './strings';
import type { View } from './views/view';
import { mainPipeline } from './views/view';
import type { WidgetEnv } from './widget/env';

export const THEME_KEY = 'sandbox:color-scheme';
const LANG_COOKIE = 'sandbox_lang';

export interface Frame {
  readonly holder: HTMLElement;
  setActive(menu: View['menu'], title: string): void;
}

const ICONS: Readonly<Record<string, string>> = {
  dashboard: '▦',
  leads: '◧',
  customers: '◎',
  tasks: '☑',
  mail: '✉',
  contacts: '☰',
  stats: '▤',
  settings: '⚙',
};

function applyTheme(dark: boolean): void {
  if (dark) document.documentElement.setAttribute('data-color-scheme', 'dark');
  else document.documentElement.removeAttribute('data-color-scheme');
  try {
    localStorage.setItem(THEME_KEY, dark ? 'dark' : 'light');
  } catch {
    // Private windows may refuse storage; the theme then lasts for this page only.
  }
}

export function renderFrame(
  root: HTMLElement,
  boot: HostBoot,
  t: Translate,
  env: WidgetEnv | null,
): Frame {
  const main = mainPipeline(boot);
  const leadsUrl = main === undefined ? '/leads/list/' : `/leads/list/pipeline/${main.id}/`;
  const disabled = (key: StringKey) =>
    html`<span class="nav__item nav__item--disabled" title="${t('notInSandbox')}"
      ><span class="nav__icon">${ICONS[key] ?? ''}</span
      ><span class="nav__label">${t(key)}</span></span
    >`;
  const advanced =
    env !== null && env.allows('advanced_settings') && env.manifest.advanced !== undefined
      ? html`<a
          href="/settings/widgets/${env.code}/"
          class="nav__sub-item"
          data-menu="advanced"
          id="nav_advanced"
          >${env.code}</a
        >`
      : '';

  // amoCRM's page: a fixed left menu (65 px, observed in public widgets that offset their own
  // layout by it), `#page_holder` beside it; every page draws its own top inside #page_holder.
  // The sandbox's switchers (user, language, theme) sit at the menu's foot, where amoCRM keeps
  // the user's own menu, so they take no width from the page.
  setHtml(
    root,
    html`<div class="sandbox-app">
      <aside class="left-menu" id="left_menu">
        <nav class="nav nav__menu" id="nav_menu">
          ${
            boot.platform === 'kommo'
              ? html`<div class="nav__logo nav__logo--kommo" title="Kommo sandbox">kommo</div>`
              : html`<div class="nav__logo" title="amoCRM sandbox">amo</div>`
          }
          ${disabled('dashboard')}
          <a
            href="${leadsUrl}"
            class="nav__item nav__menu__item"
            data-menu="leads"
            data-entity="leads"
            ><span class="nav__icon">${ICONS.leads}</span
            ><span class="nav__label">${t('leads')}</span></a
          >
          ${disabled('customers')} ${disabled('tasks')} ${disabled('contacts')} ${disabled('mail')}
          ${disabled('stats')}
          <a
            href="/settings/widgets/"
            class="nav__item nav__menu__item"
            data-menu="settings"
            data-entity="settings"
            ><span class="nav__icon">${ICONS.settings}</span
            ><span class="nav__label">${t('settings')}</span></a
          >
        </nav>
        <div class="left-menu__sandbox" aria-label="sandbox">
          <select id="sandbox-user-switch" aria-label="${t('user')}" title="${t('user')}">
            ${boot.users.map(
              user =>
                html`<option value="${user.id}" ${user.id === boot.user.id ? 'selected' : ''}>
                  ${user.name}${user.is_admin ? ` (${t('admin')})` : ''}
                </option>`,
            )}
          </select>
          <span class="left-menu__langs" role="group">
            ${HOST_LANGS.map(
              lang =>
                html`<button
                  type="button"
                  class="topbar__lang ${lang === boot.lang ? 'is-active' : ''}"
                  id="sandbox-lang-${lang}"
                  data-lang="${lang}"
                >
                  ${lang.toUpperCase()}
                </button>`,
            )}
          </span>
          <button
            type="button"
            class="topbar__theme"
            id="sandbox-theme-toggle"
            aria-pressed="false"
            title="${t('darkTheme')}"
          >
            ◐
          </button>
        </div>
      </aside>
      <div class="settings-menu" id="settings_menu" data-menu-group="settings">
        <div class="settings-menu__title">${t('settings')}</div>
        <a href="/settings/widgets/" class="nav__sub-item" data-menu="integrations"
          >${t('integrations')}</a
        >
        ${advanced}
      </div>
      <h1 class="sandbox-page-title" id="topbar_title"></h1>
      <div id="page_holder" class="page-holder"></div>
      <div id="notifications" class="notifications"></div>
    </div>`,
  );

  must('#sandbox-user-switch', root).addEventListener('change', event => {
    const select = event.currentTarget as HTMLSelectElement;
    const here = `${window.location.pathname}${window.location.search}`;
    window.location.assign(
      `/_sandbox/login?user=${encodeURIComponent(select.value)}&next=${encodeURIComponent(here)}`,
    );
  });
  for (const button of root.querySelectorAll<HTMLButtonElement>('.topbar__lang')) {
    button.addEventListener('click', () => {
      document.cookie = `${LANG_COOKIE}=${button.dataset.lang ?? 'ru'}; path=/; SameSite=Lax`;
      window.location.reload();
    });
  }
  const theme = must('#sandbox-theme-toggle', root);
  const syncTheme = () =>
    theme.setAttribute(
      'aria-pressed',
      String(document.documentElement.getAttribute('data-color-scheme') === 'dark'),
    );
  syncTheme();
  theme.addEventListener('click', () => {
    applyTheme(document.documentElement.getAttribute('data-color-scheme') !== 'dark');
    syncTheme();
  });
  if (env !== null && env.manifest.advanced !== undefined) {
    void env.text(env.manifest.advanced.title).then(title => {
      const link = root.querySelector('#nav_advanced');
      if (link !== null) link.textContent = title;
    });
  }

  const holder = must('#page_holder', root);
  return {
    holder,
    setActive(menu, title) {
      must('#topbar_title', root).textContent = title;
      for (const item of root.querySelectorAll<HTMLElement>('[data-menu]')) {
        const key = item.dataset.menu;
        const active =
          key === menu || (key === 'settings' && (menu === 'integrations' || menu === 'advanced'));
        item.classList.toggle('is-active', active);
      }
      // amoCRM's Settings pages have their own submenu column beside the left menu (the
      // advanced page's work area starts at left 355 px, observed in a public widget's notes).
      root
        .querySelector('.sandbox-app')
        ?.classList.toggle('sandbox-app--settings', menu === 'integrations' || menu === 'advanced');
      root
        .querySelector('.sandbox-app')
        ?.classList.toggle('sandbox-app--advanced', menu === 'advanced');
    },
  };
}
