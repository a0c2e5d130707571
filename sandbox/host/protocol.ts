/**
 * What the sandbox server hands the host page: the boot data embedded in the HTML shell and the
 * bodies of the page's own `/ajax/...` endpoints. One set of zod schemas for both sides, so the
 * browser parses exactly what the server promises. No DOM here: the server compiles it too.
 */
import { z } from 'zod';

/** A settings field of the widget manifest (reference §2.3: only these five types exist). */
export const manifestFieldSchema = z.object({
  name: z.string(),
  type: z.enum(['text', 'pass', 'users', 'users_lp', 'custom']),
  required: z.boolean().optional(),
});

export const manifestSchema = z.looseObject({
  widget: z.looseObject({
    name: z.string(),
    description: z.string(),
    short_description: z.string(),
    version: z.string(),
    code: z
      .string()
      .regex(/^[a-z0-9_]+$/i)
      .optional(),
    init_once: z.boolean().optional(),
    locale: z.array(z.string()).min(1),
    installation: z.boolean().optional(),
  }),
  locations: z.array(z.string()),
  settings: z.record(z.string(), manifestFieldSchema).optional(),
  advanced: z.object({ title: z.string() }).optional(),
});
export type WidgetManifest = z.infer<typeof manifestSchema>;

/** A saved settings value: text/pass/custom are strings, users/users_lp are keyed by user id. */
export const settingValueSchema = z.union([
  z.string(),
  z.number(),
  z.record(z.string(), z.union([z.string(), z.record(z.string(), z.string())])),
]);
export type SettingValue = z.infer<typeof settingValueSchema>;

/**
 * An empty setting, as amoCRM's required-field check sees it: blank text, or users fields where
 * no user has anything filled in. The modal and the server both refuse a save on it.
 */
export function isEmptySetting(value: SettingValue | undefined): boolean {
  if (value === undefined) return true;
  if (typeof value === 'number') return false;
  if (typeof value === 'string') return value.trim() === '';
  return Object.values(value).every(entry =>
    typeof entry === 'string'
      ? entry.trim() === ''
      : Object.values(entry).every(part => part.trim() === ''),
  );
}

export const widgetSettingsSchema = z.object({
  active: z.enum(['Y', 'N']),
  fields: z.record(z.string(), settingValueSchema),
});
export type StoredWidgetSettings = z.infer<typeof widgetSettingsSchema>;

const statusSchema = z.object({
  id: z.number(),
  name: z.string(),
  sort: z.number(),
  color: z.string(),
  type: z.union([z.literal(0), z.literal(1)]),
});
export type BootStatus = z.infer<typeof statusSchema>;

const pipelineSchema = z.object({
  id: z.number(),
  name: z.string(),
  sort: z.number(),
  is_main: z.boolean(),
  statuses: z.array(statusSchema),
});
export type BootPipeline = z.infer<typeof pipelineSchema>;

/** The languages amoCRM and Kommo offer a user (APP.lang_id), as the widget ships them. */
export const HOST_LANGS = ['ru', 'en', 'es', 'pt', 'tr', 'id'] as const;

const userSchema = z.object({
  id: z.number(),
  name: z.string(),
  email: z.string(),
  lang: z.enum(HOST_LANGS),
  group_id: z.number(),
  is_admin: z.boolean(),
  leads_view: z.enum(['A', 'G', 'M']),
});
export type BootUser = z.infer<typeof userSchema>;

export const langSchema = z.enum(HOST_LANGS);

/**
 * Which product the page plays: amoCRM (the default) or Kommo, its international edition. Kommo
 * mode changes the page's look and brand; the widget itself learns the platform from the host name.
 */
export const HOST_PLATFORMS = ['amocrm', 'kommo'] as const;
export type HostPlatform = (typeof HOST_PLATFORMS)[number];
export type HostLang = z.infer<typeof langSchema>;

const widgetBootSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    code: z.string(),
    path: z.string(),
    manifest: manifestSchema,
    settings: widgetSettingsSchema,
  }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type WidgetBoot = z.infer<typeof widgetBootSchema>;

export const bootSchema = z.object({
  lang: langSchema,
  /** Absent means amoCRM. */
  platform: z.enum(HOST_PLATFORMS).optional(),
  account: z.object({
    id: z.number(),
    name: z.string(),
    subdomain: z.string(),
    country: z.string(),
    currency: z.string(),
    currency_symbol: z.string(),
    timezone: z.string(),
    timezone_offset: z.string(),
  }),
  user: userSchema,
  /** Every active user, for the user switcher and `APP.constant('managers')`. */
  users: z.array(userSchema),
  groups: z.array(z.object({ id: z.number(), name: z.string() })),
  userRights: z.record(z.string(), z.unknown()),
  pipelines: z.array(pipelineSchema),
  lossReasons: z.array(z.object({ id: z.number(), name: z.string() })),
  widget: widgetBootSchema,
});
export type HostBoot = z.infer<typeof bootSchema>;

export const listLeadSchema = z.object({
  id: z.number(),
  name: z.string(),
  price: z.number(),
  status_id: z.number(),
  pipeline_id: z.number(),
  responsible_user_id: z.number(),
  created_at: z.number(),
  updated_at: z.number(),
  closed_at: z.number().nullable(),
  loss_reason_id: z.number().nullable(),
  tags: z.array(z.object({ id: z.number(), name: z.string() })),
});
export type ListLead = z.infer<typeof listLeadSchema>;

/** `GET /ajax/leads/list`: one page of the (filtered) list plus the totals amoCRM shows on top. */
export const leadListSchema = z.object({
  total: z.number(),
  price_total: z.number(),
  page: z.number(),
  has_next: z.boolean(),
  items: z.array(listLeadSchema),
});
export type LeadListPage = z.infer<typeof leadListSchema>;

/** `GET /ajax/leads/pipeline`: the kanban, one column per stage with its first cards. */
export const kanbanSchema = z.object({
  pipeline_id: z.number(),
  columns: z.array(
    z.object({
      status_id: z.number(),
      count: z.number(),
      price: z.number(),
      items: z.array(listLeadSchema),
    }),
  ),
});
export type KanbanBody = z.infer<typeof kanbanSchema>;

/** `GET /ajax/leads/detail/{id}`: the lead and its stage history for the card's feed. */
export const leadDetailSchema = z.object({
  lead: listLeadSchema.extend({ created_by: z.number(), updated_by: z.number() }),
  history: z.array(
    z.object({
      at: z.number(),
      by: z.number(),
      type: z.string(),
      from_status: z.number().nullable(),
      to_status: z.number().nullable(),
      pipeline_id: z.number().nullable(),
    }),
  ),
});
export type LeadDetail = z.infer<typeof leadDetailSchema>;

/** Area codes of a manifest location (`lcard-1` → `lcard`). */
export function locationAreas(manifest: WidgetManifest): Set<string> {
  return new Set(manifest.locations.map(location => location.replace(/-\d+$/, '')));
}

/**
 * The code of a widget uploaded into an integration: amoCRM assigns it on upload when the
 * manifest has none (reference §1.3, RU-upload). Its form is not documented; the sandbox makes a
 * fresh one per start (`sbx_` + 8 random letters and digits) that appears nowhere in a bundle, so
 * a widget that works here reads its code from `get_settings().widget_code` and depends on no
 * particular value. A manifest `widget.code` (legacy widgets) is used as it is.
 */
export function assignWidgetCode(random: () => number = Math.random): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  let code = 'sbx_';
  for (let i = 0; i < 8; i += 1) code += alphabet[Math.floor(random() * alphabet.length)] ?? 'x';
  return code;
}
