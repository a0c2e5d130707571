/**
 * Everything read from amoCRM's page: the widget object (`self`) and the `APP` global. Host data
 * is input like any other, so each piece is parsed by a small schema and a missing or odd value
 * degrades to a sensible default instead of breaking the CRM page. Nothing here writes to APP.
 */
import { z } from 'zod/mini';
import type { Lang } from '../src/i18n';
import { toLang } from '../src/i18n';
import type { Manager } from '../src/ui';

/** The widget object amoCRM builds and our constructor extends (only what we call). */
export interface AmoSelf {
  callbacks?: unknown;
  system?: () => unknown;
  get_settings?: () => unknown;
  langs?: unknown;
  render_template?: (options: unknown, params?: unknown) => unknown;
  get_version?: () => unknown;
}

const idLike = z.union([z.number(), z.string().check(z.regex(/^\d+$/))]);
const toId = (v: z.infer<typeof idLike>): number => Number(v);

const SettingsSchema = z.object({
  widget_code: z.optional(z.string()),
  path: z.optional(z.string()),
  version: z.optional(z.union([z.string(), z.number()])),
  config: z.optional(z.unknown()),
});

const AccountSchema = z.object({
  id: idLike,
  subdomain: z.optional(z.string()),
  timezone: z.optional(z.nullable(z.string())),
  currency: z.optional(z.nullable(z.string())),
});

const UserSchema = z.object({
  id: idLike,
  name: z.optional(z.string()),
  title: z.optional(z.string()),
  is_admin: z.optional(z.union([z.boolean(), z.string()])),
});

const ManagersSchema = z.record(
  z.string(),
  z.object({
    id: idLike,
    title: z.optional(z.string()),
    active: z.optional(z.union([z.boolean(), z.string()])),
  }),
);

interface AppLike {
  getWidgetsArea?: () => unknown;
  isCard?: () => unknown;
  constant?: (key: string) => unknown;
  lang_id?: unknown;
  data?: { current_view?: unknown; current_card?: unknown };
  router?: { navigate?: (url: string, options: { trigger: boolean }) => unknown };
}

/** `APP`, or its deprecated twin `AMOCRM`; read lazily, never at import time. */
function app(): AppLike | null {
  const g = globalThis as { APP?: unknown; AMOCRM?: unknown };
  const found = g.APP ?? g.AMOCRM;
  return typeof found === 'object' && found !== null ? found : null;
}

function call<T>(fn: (() => T) | undefined): T | undefined {
  try {
    return fn?.();
  } catch {
    return undefined;
  }
}

export function widgetSettings(self: AmoSelf): z.infer<typeof SettingsSchema> {
  const parsed = SettingsSchema.safeParse(call(self.get_settings));
  return parsed.success ? parsed.data : {};
}

export function widgetCode(self: AmoSelf): string {
  return widgetSettings(self).widget_code ?? 'funnel_lens';
}

export function hostLang(): Lang {
  return toLang(app()?.lang_id);
}

export function widgetsArea(): string {
  const area = call(app()?.getWidgetsArea);
  return typeof area === 'string' ? area : '';
}

export function isCard(): boolean {
  return call(app()?.isCard) === true;
}

export interface HostAccount {
  readonly id: number;
  readonly timezone: string | null;
  readonly currency: string | null;
}

export function hostAccount(): HostAccount | null {
  const parsed = AccountSchema.safeParse(app()?.constant?.('account'));
  if (!parsed.success) return null;
  return {
    id: toId(parsed.data.id),
    timezone: parsed.data.timezone ?? null,
    currency: parsed.data.currency ?? null,
  };
}

export interface HostUser {
  readonly id: number;
  readonly name: string;
  readonly isAdmin: boolean;
  /** `APP.constant('user_rights').leads.edit` (A, G, M, D); null when the page does not say. */
  readonly leadsEdit: 'A' | 'G' | 'M' | 'D' | null;
}

/**
 * The user's leads edit right, for offering the snooze action (metrics.md F.6). The constant is
 * undocumented (reference §4); amoCRM judges every write anyway, so an odd value is "unknown".
 */
const RightsSchema = z.object({
  leads: z.object({ edit: z.enum(['A', 'G', 'M', 'D']) }),
});

function leadsEditRight(): HostUser['leadsEdit'] {
  const parsed = RightsSchema.safeParse(app()?.constant?.('user_rights'));
  return parsed.success ? parsed.data.leads.edit : null;
}

export function hostUser(): HostUser | null {
  const parsed = UserSchema.safeParse(app()?.constant?.('user'));
  if (!parsed.success) return null;
  const admin = parsed.data.is_admin;
  return {
    id: toId(parsed.data.id),
    name: parsed.data.name ?? parsed.data.title ?? '',
    isAdmin: admin === true || admin === 'Y',
    leadsEdit: leadsEditRight(),
  };
}

/** The account's users as amoCRM's page knows them (no API call, works for non-admins too). */
export function hostManagers(): Manager[] {
  const parsed = ManagersSchema.safeParse(app()?.constant?.('managers'));
  if (!parsed.success) return [];
  return Object.values(parsed.data)
    .filter(m => m.active !== false && m.active !== 'N')
    .map(m => ({ id: toId(m.id), name: m.title ?? `#${String(m.id)}` }));
}

const PIPELINE_PATH = /^\/leads\/(?:list\/)?pipeline\/(\d+)/;

/** The pipeline of the leads list or kanban: from the URL, else from the current view. */
export function currentPipelineId(pathname: string): number | null {
  const m = PIPELINE_PATH.exec(pathname);
  if (m?.[1]) return Number(m[1]);
  const view = app()?.data?.current_view;
  if (typeof view === 'object' && view !== null) {
    const id = (view as { pipeline_id?: unknown }).pipeline_id;
    if (typeof id === 'number' || (typeof id === 'string' && /^\d+$/.test(id))) return Number(id);
  }
  return null;
}

/** The lead of the open card, or null outside a (saved) lead card. */
export function currentLeadId(): number | null {
  const card = app()?.data?.current_card;
  if (typeof card !== 'object' || card === null) return null;
  const id = (card as { id?: unknown }).id;
  const n = typeof id === 'number' ? id : typeof id === 'string' ? Number(id) : NaN;
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

/** amoCRM's own navigation (no reload) when it exposes its router, else a normal page load. */
export function navigate(url: string, location: Location): void {
  const router = app()?.router;
  try {
    if (typeof router?.navigate === 'function') {
      router.navigate(url, { trigger: true });
      return;
    }
  } catch {
    // fall back below
  }
  location.assign(url);
}
