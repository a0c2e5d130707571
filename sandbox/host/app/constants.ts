/**
 * `APP.constant(key)` values, in the shapes seen in practice on amoCRM pages (reference §5.1):
 * managers keyed by user id with string ids, `group_<id>` group keys, 'Y'/'N' flags.
 */
import type { HostBoot } from '../protocol';

export type ConstantMap = Record<string, unknown>;

function yesNo(flag: boolean): 'Y' | 'N' {
  return flag ? 'Y' : 'N';
}

export function buildConstants(boot: HostBoot): ConstantMap {
  const { account, user } = boot;
  const managers: Record<string, unknown> = {};
  for (const member of boot.users) {
    managers[String(member.id)] = {
      id: String(member.id),
      title: member.name,
      option: member.name,
      login: member.email,
      active: true,
      is_admin: yesNo(member.is_admin),
      free_user: 'N',
      group: `group_${member.group_id}`,
      avatar: '',
    };
  }
  const groups: Record<string, string> = {};
  for (const group of boot.groups) groups[`group_${group.id}`] = group.name;
  return {
    account: {
      id: account.id,
      name: account.name,
      subdomain: account.subdomain,
      country: account.country,
      currency: account.currency,
      currency_symbol: account.currency_symbol,
      timezone: account.timezone,
      timezone_offset: account.timezone_offset,
      language: boot.lang,
      date_format: 'd.m.Y',
      time_format: 'H:i',
      amojo_id: `sandbox-${account.id}`,
      cf: {},
      predefined_cf: {},
    },
    user: {
      id: user.id,
      name: user.name,
      login: user.email,
      lang: boot.lang,
      is_admin: yesNo(user.is_admin),
      group: `group_${user.group_id}`,
    },
    managers,
    groups,
    user_rights: boot.userRights,
    task_types: {
      '1': { id: 1, option: boot.lang === 'ru' ? 'Связаться' : 'Follow-up', code: 'FOLLOW_UP' },
      '2': { id: 2, option: boot.lang === 'ru' ? 'Встреча' : 'Meeting', code: 'MEETING' },
    },
  };
}
