/**
 * The sandbox's amoCRM interface as one SandboxPlugin: the page paths (all answering with the same
 * shell), the page's data routes, the widget's files and the saved widget settings. Opening any
 * page without a session logs in as the account's administrator, as if the user had just signed
 * in; the user switcher then changes it through `/_sandbox/login`.
 */
import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { DemoUser } from '../../demo/types';
import { langSchema, type HostLang, type HostPlatform, type WidgetBoot } from '../../host/protocol';
import { adminUser, authenticate } from '../auth';
import { sendProblem } from '../problem';
import { parseCookies, sessionCookie } from '../sessions';
import type { SandboxContext, SandboxPlugin } from '../types';
import { registerAjaxLeadRoutes } from './ajaxLeads';
import { DEFAULT_HOST_BUNDLE_DIR, REPO_ROOT, registerFileRoutes } from './files';
import { checkWidgetDir, readManifest, requiredFields } from './manifest';
import { registerSettingsRoutes, WidgetSettingsStore } from './settingsStore';
import { buildBoot, renderShell } from './shell';

/** The cookie the page's language switcher sets; without it the user's own language applies. */
export const LANG_COOKIE = 'sandbox_lang';
export const DEFAULT_WIDGET_DIR = path.join(REPO_ROOT, 'dist/widget');

/** Every path the page's router knows; each answers with the shell. */
export const SHELL_PATHS = [
  '/leads/list',
  '/leads/list/pipeline/:id',
  '/leads/pipeline',
  '/leads/pipeline/:id',
  '/leads/detail/:id',
  '/settings/widgets',
  '/settings/widgets/:code',
] as const;

export interface HostPluginOptions {
  /** The built widget (manifest.json, script.js, i18n/, images/); default dist/widget. */
  readonly widgetDir?: string;
  /**
   * The code when the manifest has none (widgets uploaded into an integration); default: one
   * assigned per start as amoCRM assigns it on upload (`assignWidgetCode`, e.g. sbx_k3m9x0qa).
   */
  readonly widgetCode?: string;
  /** Where webpack.sandbox.config.js put host.js; default dist/sandbox. */
  readonly hostBundleDir?: string;
  /** Shared with the caller so tests and the CLI can read or preset saved settings. */
  readonly settings?: WidgetSettingsStore;
  /** The product the pages play (default amoCRM); Kommo mode is served on a *.kommo.localhost host. */
  readonly platform?: HostPlatform;
}

export interface HostPlugin {
  readonly plugin: SandboxPlugin;
  readonly widgetCode: string;
  readonly widgetDir: string;
  readonly settings: WidgetSettingsStore;
}

function pageLang(request: FastifyRequest, user: DemoUser): HostLang {
  const cookie = langSchema.safeParse(parseCookies(request.headers.cookie).get(LANG_COOKIE));
  return cookie.success ? cookie.data : user.lang;
}

/** The session's user, or a fresh administrator session for a visitor without one. */
function pageUser(ctx: SandboxContext, request: FastifyRequest, reply: FastifyReply) {
  const auth = authenticate(ctx, request);
  if (auth.ok) return auth.user;
  const admin = adminUser(ctx.account);
  if (admin === undefined) return undefined;
  reply.header('Set-Cookie', sessionCookie(ctx.sessions.create(admin.id).id));
  return admin;
}

function mainPipelineId(ctx: SandboxContext): number | undefined {
  const pipelines = ctx.account.pipelines;
  return (pipelines.find(pipeline => pipeline.is_main) ?? pipelines[0])?.id;
}

export function createHostPlugin(options: HostPluginOptions = {}): HostPlugin {
  const widgetDir = path.resolve(options.widgetDir ?? DEFAULT_WIDGET_DIR);
  const widgetCode = checkWidgetDir(widgetDir, options.widgetCode);
  const settings = options.settings ?? new WidgetSettingsStore();
  const hostBundleDir = options.hostBundleDir ?? DEFAULT_HOST_BUNDLE_DIR;
  const platform = options.platform ?? 'amocrm';

  const widgetBoot = (): WidgetBoot => {
    const result = readManifest(widgetDir);
    if (!result.ok) return { ok: false, error: result.error };
    return {
      ok: true,
      code: widgetCode,
      path: `/widgets/${widgetCode}`,
      manifest: result.manifest,
      settings: settings.get(widgetCode),
    };
  };

  const plugin: SandboxPlugin = async (app: FastifyInstance, { ctx }) => {
    const shell = (request: FastifyRequest, reply: FastifyReply) => {
      const user = pageUser(ctx, request, reply);
      if (user === undefined)
        return sendProblem(reply, 500, 'The demo account has no active admin');
      const html = renderShell(
        buildBoot(ctx, user, pageLang(request, user), widgetBoot(), platform),
      );
      return reply.type('text/html; charset=utf-8').header('Cache-Control', 'no-store').send(html);
    };
    for (const route of SHELL_PATHS) app.get(route, shell);
    app.get('/', (_request, reply) => {
      const id = mainPipelineId(ctx);
      return reply.redirect(id === undefined ? '/leads/list/' : `/leads/list/pipeline/${id}/`, 302);
    });

    registerAjaxLeadRoutes(app, ctx);
    registerSettingsRoutes(app, settings, widgetCode, () => requiredFields(widgetDir));
    await registerFileRoutes(app, { widgetDir, widgetCode, hostBundleDir });
  };

  return { plugin, widgetCode, widgetDir, settings };
}
