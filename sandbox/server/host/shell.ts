/**
 * The one HTML shell every host page path answers with (amoCRM is a single-page app: the router
 * in the page decides what to draw). The boot data amoCRM embeds in its pages (account, user,
 * managers, pipelines, the widget) rides along as JSON; it depends on the session, never the path.
 */
import type { DemoUser } from '../../demo/types';
import type { HostBoot, HostLang, HostPlatform, WidgetBoot } from '../../host/protocol';
import { userRights } from '../routes/users';
import { bySort } from '../serialize';
import type { SandboxContext } from '../types';

export const HOST_STYLES = ['base.css', 'frame.css', 'list.css', 'card.css', 'modal.css'] as const;
/** Loaded after the others in Kommo mode: Kommo's colours and brand over the same layout. */
export const KOMMO_STYLE = 'kommo.css';

/** The product name the page's title and brand show. */
export function platformName(platform: HostPlatform): string {
  return platform === 'kommo' ? 'Kommo' : 'amoCRM';
}

function bootUser(user: DemoUser): HostBoot['user'] {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    lang: user.lang,
    group_id: user.group_id,
    is_admin: user.is_admin,
    leads_view: user.leads_view,
  };
}

export function buildBoot(
  ctx: SandboxContext,
  user: DemoUser,
  lang: HostLang,
  widget: WidgetBoot,
  platform: HostPlatform = 'amocrm',
): HostBoot {
  const { account } = ctx.account;
  return {
    lang,
    platform,
    account: {
      id: account.id,
      name: account.name,
      subdomain: account.subdomain,
      country: account.country,
      currency: account.currency,
      currency_symbol: account.currency_symbol,
      timezone: account.timezone,
      timezone_offset: account.timezone_offset,
    },
    user: bootUser(user),
    users: ctx.account.users.filter(item => item.is_active).map(bootUser),
    groups: ctx.account.groups.map(group => ({ id: group.id, name: group.name })),
    userRights: userRights(user),
    pipelines: bySort(ctx.account.pipelines)
      .filter(pipeline => !pipeline.is_archive)
      .map(pipeline => ({
        id: pipeline.id,
        name: pipeline.name,
        sort: pipeline.sort,
        is_main: pipeline.is_main,
        statuses: bySort(pipeline.statuses).map(status => ({
          id: status.id,
          name: status.name,
          sort: status.sort,
          color: status.color,
          type: status.type,
        })),
      })),
    lossReasons: ctx.account.lossReasons.map(reason => ({ id: reason.id, name: reason.name })),
    widget,
  };
}

/** JSON that is safe inside a <script> element (no `</script>`, no HTML comment openers). */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Applied before the first paint so a dark-theme user never sees a light flash. */
const THEME_SCRIPT =
  "try{if(localStorage.getItem('sandbox:color-scheme')==='dark')" +
  "document.documentElement.setAttribute('data-color-scheme','dark')}catch(e){}";

export function renderShell(boot: HostBoot): string {
  const platform = boot.platform ?? 'amocrm';
  const files = platform === 'kommo' ? [...HOST_STYLES, KOMMO_STYLE] : HOST_STYLES;
  const styles = files
    .map(file => `<link rel="stylesheet" href="/_sandbox/host/styles/${file}">`)
    .join('\n    ');
  const title = `${boot.account.name} — ${platformName(platform)} sandbox`;
  return `<!doctype html>
<html lang="${boot.lang}"${platform === 'kommo' ? ' data-platform="kommo"' : ''}>
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${title.replace(/[<&]/g, '')}</title>
    <link rel="icon" href="/_sandbox/host/favicon.svg" type="image/svg+xml">
    ${styles}
    <script>${THEME_SCRIPT}</script>
  </head>
  <body>
    <div id="sandbox-root"></div>
    <script type="application/json" id="sandbox-boot">${scriptJson(boot)}</script>
    <script src="/_sandbox/vendor/require.js"></script>
    <script src="/_sandbox/vendor/jquery.js"></script>
    <script src="/_sandbox/vendor/underscore.js"></script>
    <script src="/_sandbox/vendor/twig.js"></script>
    <script src="/_sandbox/host/host.js"></script>
  </body>
</html>
`;
}
