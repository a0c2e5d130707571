/**
 * The demo account in each language (`--demo-lang`): the same funnel under other names and
 * another currency, so the widget's numbers can be compared across languages.
 */
import {
  DEMO_LOCALES,
  generateDemoAccount,
  HOSTILE_NAMES,
  RU_FIELD_NAMES,
  type DemoAccount,
} from '../../../sandbox/demo';
import { HOST_LANGS } from '../../../sandbox/host/protocol';

const OPTIONS = { seed: 424_242, leads: 700, now: Date.UTC(2025, 5, 30, 12) / 1000 };
const CYRILLIC = /\p{Script=Cyrillic}/u;

/**
 * Everything but names and money: ids, places, moves, dates, events; field values as enum ids,
 * or as the position of the UTM source in the language's `sources`.
 */
function shape(account: DemoAccount, sources: readonly string[]) {
  return {
    pipelines: account.pipelines.map(p => ({
      id: p.id,
      sort: p.sort,
      is_main: p.is_main,
      statuses: p.statuses.map(s => [s.id, s.sort, s.type, s.color]),
    })),
    users: account.users.map(u => [u.id, u.group_id, u.is_admin, u.leads_view, u.is_active]),
    leads: account.leads.map(l => ({
      ...l,
      name: undefined,
      price: l.price > 0,
      tags: l.tags.map(t => t.id),
      custom_fields_values: l.custom_fields_values?.map(v => [
        v.field_id,
        v.values.map(x => x.enum_id ?? sources.indexOf(x.value)),
      ]),
    })),
    events: account.events,
    lossReasons: account.lossReasons.map(r => [r.id, r.sort]),
    customFields: account.customFields.map(f => [
      f.id,
      f.type,
      f.code,
      f.sort,
      f.enums?.map(e => e.id),
    ]),
  };
}

/** Every name a user can read in the account. */
function names(account: DemoAccount): string[] {
  return [
    account.account.name,
    ...account.groups.map(g => g.name),
    ...account.users.map(u => u.name),
    ...account.pipelines.flatMap(p => [p.name, ...p.statuses.map(s => s.name)]),
    ...account.leads.flatMap(l => [
      l.name,
      ...l.tags.map(t => t.name),
      ...(l.custom_fields_values ?? []).flatMap(v => [v.field_name, ...v.values.map(x => x.value)]),
    ]),
    ...account.lossReasons.map(r => r.name),
    ...account.customFields.flatMap(f => [f.name, ...(f.enums ?? []).map(e => e.value)]),
  ];
}

describe('the demo account in another language', () => {
  const ru = generateDemoAccount(OPTIONS);

  it('is the Russian account by default', () => {
    expect(generateDemoAccount({ ...OPTIONS, lang: 'ru' })).toEqual(ru);
    expect(ru.account.currency).toBe('RUB');
  });

  it.each(HOST_LANGS.filter(lang => lang !== 'ru'))(
    '%s: the same funnel, every name in the language, prices in its currency',
    lang => {
      const account = generateDemoAccount({ ...OPTIONS, lang });
      const locale = DEMO_LOCALES[lang];
      expect(shape(account, locale.fields.utmSources)).toEqual(
        shape(ru, RU_FIELD_NAMES.utmSources),
      );
      expect(account.leads.some(l => l.custom_fields_values !== null)).toBe(true);
      expect(account.account.currency).toBe(locale.account.currency);
      expect(account.users.every(user => user.lang === lang)).toBe(true);
      expect(names(account).filter(name => CYRILLIC.test(name))).toEqual([]);
      // The hostile names stay, the second one in the language.
      expect(account.leads.filter(l => l.name === HOSTILE_NAMES[0])).toHaveLength(1);
      expect(account.leads.filter(l => l.name === locale.hostileText)).toHaveLength(1);
      // Prices keep their order: scaled and rounded, never reordered across a step.
      ru.leads.forEach((lead, i) => {
        const price = account.leads[i]?.price ?? -1;
        expect(price).toBe(
          lead.price === 0
            ? 0
            : Math.max(
                locale.priceStep,
                Math.round((lead.price * locale.priceScale) / locale.priceStep) * locale.priceStep,
              ),
        );
      });
      // Deterministic like the Russian one.
      expect(generateDemoAccount({ ...OPTIONS, lang })).toEqual(account);
    },
  );

  it('two languages name the same stage alike in both pipelines (Proposal sent)', () => {
    const en = generateDemoAccount({ ...OPTIONS, lang: 'en' });
    const stages = en.pipelines.flatMap(p => p.statuses.map(s => s.name));
    expect(stages.filter(name => name === 'Proposal sent')).toHaveLength(2);
    expect(stages).toContain('Incoming leads');
    expect(stages).toContain('Closed - won');
  });
});
