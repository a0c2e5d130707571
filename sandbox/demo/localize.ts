import type { HostLang } from '../host/protocol';
import { DemoFieldSet, RU_FIELDS } from './fields';
import { DEMO_LOCALES, type DemoLocale } from './locales';
import { HOSTILE_NAMES } from './names';
import { Rng } from './random';
import { localizeSnooze, snoozeFields } from './snooze';
import { LOSS_REASONS, LOST, STATUS_IDS, TAGS, USER_IDS, WON } from './structure';
import type { DemoAccount, DemoLead, DemoStatus, DemoTag } from './types';

/**
 * The demo account in another language: the Russian account, generated as always, with every
 * name renamed and prices converted. Nothing the funnel depends on (ids, stages, moves, dates,
 * events) is touched, so the same seed gives the same funnel in every language and the
 * widget's numbers can be compared across them (only money differs, by `priceScale`).
 */

/** Lead names come from their own stream, seeded apart from the generator's. */
const NAMES_SALT = 0x4c_0c_a1_e5;
const COUNTS = [3, 5, 10, 12, 15, 20, 25, 30, 50, 100];
const RU_DEFAULT_NAME = /^Сделка #(\d+)$/;

function scalePrice(locale: DemoLocale, price: number): number {
  if (price === 0) return 0;
  const step = locale.priceStep;
  return Math.max(step, Math.round((price * locale.priceScale) / step) * step);
}

function leadName(locale: DemoLocale, lead: DemoLead, repeat: boolean, rng: Rng): string {
  if (lead.name === HOSTILE_NAMES[0]) return lead.name;
  if (lead.name === HOSTILE_NAMES[1]) return locale.hostileText;
  if (RU_DEFAULT_NAME.test(lead.name)) return locale.defaultName(lead.id);
  const client = locale.client(rng.float(), rng.pick(locale.companies), rng.pick(locale.people));
  const subjects = repeat ? locale.repeatSubjects : locale.subjects;
  const subject = rng.pick(subjects).replace('{n}', String(rng.pick(COUNTS)));
  return `${client} — ${subject}`;
}

function statusNames(locale: DemoLocale): Map<number, string> {
  const names = new Map<number, string>();
  for (const key of ['main', 'repeat'] as const) {
    names.set(STATUS_IDS[key].incoming, locale.incoming);
    STATUS_IDS[key].open.forEach((id, i) => names.set(id, locale.stages[key][i] ?? ''));
  }
  names.set(STATUS_IDS.repeat.side, locale.sideStage);
  names.set(WON, locale.won);
  names.set(LOST, locale.lost);
  return names;
}

function renamed<T extends { id: number; name: string }>(
  items: readonly T[],
  names: ReadonlyMap<number, string>,
): T[] {
  return items.map(item => ({ ...item, name: names.get(item.id) ?? item.name }));
}

export function localizeDemoAccount(
  account: DemoAccount,
  lang: HostLang,
  seed: number,
): DemoAccount {
  if (lang === 'ru') return account;
  const locale = DEMO_LOCALES[lang];
  const byOrder = <T>(ids: readonly number[], values: readonly T[]) =>
    new Map(ids.map((id, i) => [id, values[i] as T]));
  const userIds = Object.values(USER_IDS);
  const userNames = byOrder(userIds, locale.users);
  const tagIds = Object.values(TAGS).map(tag => tag.id);
  const tagNames = byOrder(tagIds, locale.tags);
  const tags = new Map<number, DemoTag>(
    Object.values(TAGS).map(tag => [
      tag.id,
      Object.freeze({ ...tag, name: tagNames.get(tag.id) ?? tag.name }),
    ]),
  );
  const stageNames = statusNames(locale);
  const reasons = byOrder(
    Object.values(LOSS_REASONS).map(reason => reason.id),
    locale.lossReasons,
  );
  const groupNames = byOrder(
    account.groups.map(group => group.id),
    locale.groups,
  );
  const rng = Rng.streams(seed ^ NAMES_SALT, ['names']).names;
  const fields = new DemoFieldSet(locale.fields);
  return {
    ...account,
    account: { ...account.account, ...locale.account },
    groups: renamed(account.groups, groupNames),
    users: account.users.map(user => {
      const [name, login] = userNames.get(user.id) ?? [user.name, user.email.split('@')[0]];
      return { ...user, name, email: `${login ?? ''}@demo.example`, lang };
    }),
    pipelines: account.pipelines.map(pipeline => ({
      ...pipeline,
      name: pipeline.is_main ? locale.pipelines.main : locale.pipelines.repeat,
      statuses: renamed<DemoStatus>(pipeline.statuses, stageNames),
    })),
    leads: account.leads.map(lead => ({
      ...lead,
      name: leadName(
        locale,
        lead,
        lead.tags.some(tag => tag.id === TAGS.client.id),
        rng,
      ),
      price: scalePrice(locale, lead.price),
      tags: lead.tags.map(tag => tags.get(tag.id) ?? tag),
      custom_fields_values: localizeSnooze(lead.custom_fields_values, lang, values =>
        RU_FIELDS.translate(values, fields),
      ),
    })),
    lossReasons: renamed(account.lossReasons, reasons),
    customFields: [...fields.fields, ...snoozeFields(lang)],
  };
}
