/**
 * The amoCRM frame around every view: the left menu (Сделки, Настройки → Интеграции and the
 * widget's advanced page), the top bar (page title, account, user switcher, language, dark theme)
 * and `#page_holder`, amoCRM's main content wrapper the views draw into.
 */
import { html, must, setHtml } from './dom';
import type { HostBoot } from './protocol';
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

  setHtml(
    root,
    html`<div class="sandbox-app">
      <nav class="nav" id="nav_menu">
        <div class="nav__logo" title="amoCRM sandbox">amo</div>
        ${disabled('dashboard')}
        <a href="${leadsUrl}" class="nav__item" data-menu="leads"
          ><span class="nav__icon">${ICONS.leads}</span
          ><span class="nav__label">${t('leads')}</span></a
        >
        ${disabled('customers')} ${disabled('tasks')} ${disabled('contacts')} ${disabled('mail')}
        ${disabled('stats')}
        <div class="nav__group" data-menu-group="settings">
          <a href="/settings/widgets/" class="nav__item" data-menu="settings"
            ><span class="nav__icon">${ICONS.settings}</span
            ><span class="nav__label">${t('settings')}</span></a
          >
          <div class="nav__submenu">
            <a href="/settings/widgets/" class="nav__sub-item" data-menu="integrations"
              >${t('integrations')}</a
            >
            ${advanced}
          </div>
        </div>
      </nav>
      <div class="workspace">
        <header class="topbar">
          <div class="topbar__title" id="topbar_title"></div>
          <input class="topbar__search" type="search" placeholder="${t('search')}" disabled />
          <div class="topbar__controls">
            <span class="topbar__account" title="${boot.account.subdomain}"
              >${boot.account.name}</span
            >
            <label class="topbar__user"
              >${t('user')}:
              <select id="sandbox-user-switch" aria-label="${t('user')}">
                ${boot.users.map(
                  user =>
                    html`<option value="${user.id}" ${user.id === boot.user.id ? 'selected' : ''}>
                      ${user.name}${user.is_admin ? ` (${t('admin')})` : ''}
                    </option>`,
                )}
              </select>
            </label>
            <span class="topbar__langs" role="group">
              ${(['ru', 'en'] as const).map(
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
        </header>
        <div id="page_holder" class="page-holder"></div>
      </div>
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
      root
        .querySelector('[data-menu-group="settings"]')
        ?.classList.toggle('is-open', menu === 'integrations' || menu === 'advanced');
    },
  };
}
