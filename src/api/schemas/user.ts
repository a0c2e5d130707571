import { z } from 'zod/mini';
import {
  id,
  links,
  listMeta,
  nullableNumber,
  nullableRef,
  nullableString,
  optionalBoolean,
  ref,
} from './common';

/** Only the rights the adapter reads; real responses carry many more keys, which are stripped. */
const rights = z.object({
  group_id: nullableRef,
  role_id: nullableNumber,
  is_admin: optionalBoolean,
  is_free: optionalBoolean,
  is_active: optionalBoolean,
});

export const RawUserSchema = z.object({
  id,
  name: nullableString,
  email: nullableString,
  lang: nullableString,
  rights: z.optional(z.nullable(rights)),
  _links: links,
});

export const RawUserListSchema = z.object({
  ...listMeta,
  _embedded: z.object({ users: z.array(RawUserSchema) }),
});

/** Group 0 is the account's default group (the account example). */
const usersGroup = z.object({ id: ref, name: z.string(), uuid: nullableString });

const datetimeSettings = z.object({
  timezone: nullableString,
  timezone_offset: nullableString,
  date_pattern: nullableString,
});

/** GET /api/v4/account?with=datetime_settings,users_groups */
export const RawAccountSchema = z.object({
  id,
  name: z.string(),
  subdomain: z.string(),
  current_user_id: id,
  country: nullableString,
  currency: nullableString,
  currency_symbol: nullableString,
  is_loss_reason_enabled: optionalBoolean,
  is_api_filter_enabled: optionalBoolean,
  _links: links,
  _embedded: z.optional(
    z.object({
      users_groups: z.optional(z.nullable(z.array(usersGroup))),
      datetime_settings: z.optional(z.nullable(datetimeSettings)),
    }),
  ),
});

export type RawUser = z.infer<typeof RawUserSchema>;
export type RawAccount = z.infer<typeof RawAccountSchema>;
