import {
  ACCOUNT_ID,
  DEMO_DEFAULT_LEADS,
  DEMO_DEFAULT_SEED,
  generateDemoAccount,
  GROUP_IDS,
  LOSS_REASONS,
  PIPELINE_IDS,
  USER_IDS,
} from '../../../sandbox/demo';
import type { DemoOptions } from '../../../sandbox/demo';

/** Determinism, option checking and the fixed skeleton of the demo account. */

const NOW = 1_767_000_000;
const options: DemoOptions = { seed: DEMO_DEFAULT_SEED, leads: DEMO_DEFAULT_LEADS, now: NOW };
const account = generateDemoAccount(options);

describe('generateDemoAccount: determinism', () => {
  it('gives a byte-identical account for the same options, quickly', () => {
    const started = performance.now();
    const again = generateDemoAccount({ ...options });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(JSON.stringify(again)).toBe(JSON.stringify(account));
  });

  it('gives different history for a different seed, on the same skeleton', () => {
    const other = generateDemoAccount({ ...options, seed: options.seed + 1 });
    expect(other.leads).toHaveLength(DEMO_DEFAULT_LEADS);
    expect(JSON.stringify(other.leads)).not.toBe(JSON.stringify(account.leads));
    expect(other.events.map(e => e.id)).not.toEqual(account.events.map(e => e.id));
    expect(other.pipelines).toEqual(account.pipelines);
    expect(other.users).toEqual(account.users);
  });

  it('keeps the whole history inside the year before `now`', () => {
    const later = generateDemoAccount({ ...options, now: NOW + 30 * 86_400, leads: 300 });
    for (const lead of later.leads) {
      expect(lead.created_at).toBeGreaterThanOrEqual(NOW + 30 * 86_400 - 365 * 86_400);
    }
    expect(later.events.at(-1)!.created_at).toBeLessThanOrEqual(NOW + 30 * 86_400);
  });

  it.each([
    [{ leads: -1 }, /options\.leads .* got -1/],
    [{ leads: 2.5 }, /options\.leads .* got 2\.5/],
    [{ leads: 2_000_000 }, /options\.leads/],
    [{ seed: Number.NaN }, /options\.seed .* got NaN/],
    [{ now: 1_700_000_000.5 }, /options\.now .* got 1700000000\.5/],
    [{ now: 0 }, /options\.now/],
  ])('rejects bad options %p, naming the field', (bad, message) => {
    expect(() => generateDemoAccount({ ...options, ...bad })).toThrow(message);
  });
});

describe('generateDemoAccount: the account skeleton', () => {
  it('is the Moscow rouble account "Демо" with loss reasons and API filters on', () => {
    expect(account.account).toMatchObject({
      id: ACCOUNT_ID,
      name: 'Демо',
      subdomain: 'demo',
      country: 'RU',
      currency: 'RUB',
      currency_symbol: '₽',
      timezone: 'Europe/Moscow',
      timezone_offset: '+03:00',
      is_loss_reason_enabled: true,
      is_api_filter_enabled: true,
    });
    expect(account.account.created_at).toBeLessThan(NOW - 365 * 86_400);
  });

  it('has a head of sales and six managers in two sales groups', () => {
    const [admin, ...managers] = account.users;
    expect(admin).toMatchObject({ id: USER_IDS.admin, is_admin: true, leads_view: 'A' });
    expect(managers).toHaveLength(6);
    expect(account.groups.map(g => g.id)).toEqual([0, GROUP_IDS.sales1, GROUP_IDS.sales2]);
    expect(account.groups.map(g => g.name)).toContain('Отдел продаж 1');
    expect(account.groups.map(g => g.name)).toContain('Отдел продаж 2');
    for (const group of [GROUP_IDS.sales1, GROUP_IDS.sales2]) {
      expect(managers.filter(m => m.group_id === group)).toHaveLength(3);
    }
    for (const user of account.users) {
      expect(user.name).toMatch(/^[А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё]+$/);
      expect(user.email).toMatch(/^[a-z.]+@demo\.example$/);
      expect(user.is_active).toBe(true);
    }
    expect(managers.every(m => !m.is_admin)).toBe(true);
    expect(managers.map(m => m.leads_view)).toEqual(expect.arrayContaining(['M', 'G', 'A']));
  });

  it('has the seven loss reasons, sorted by tens', () => {
    expect(account.lossReasons.map(r => r.name)).toEqual([
      'Дорого',
      'Выбрали конкурента',
      'Нет бюджета',
      'Не дозвонились',
      'Нет потребности',
      'Не устроили сроки',
      'Спам / дубль',
    ]);
    expect(account.lossReasons.map(r => r.sort)).toEqual([10, 20, 30, 40, 50, 60, 70]);
    expect(account.lossReasons.map(r => r.id)).toEqual(Object.values(LOSS_REASONS).map(r => r.id));
    for (const r of account.lossReasons) {
      expect(String(r.id)).toMatch(/^\d{7,8}$/);
      expect(r.updated_at).toBeLessThanOrEqual(NOW);
    }
  });

  it('has the main pipeline "Продажи" with amoCRM-shaped statuses', () => {
    const main = account.pipelines[0]!;
    expect(main).toMatchObject({
      id: PIPELINE_IDS.main,
      name: 'Продажи',
      is_main: true,
      is_unsorted_on: true,
      is_archive: false,
      account_id: ACCOUNT_ID,
    });
    expect(main.statuses.map(s => s.name)).toEqual([
      'Неразобранное',
      'Новый лид',
      'Взяли в работу',
      'Квалифицирован',
      'Отправлено КП',
      'Реквизиты получены',
      'Договор/счет отправлен',
      'Оплата получена',
      'Успешно реализовано',
      'Закрыто и не реализовано',
    ]);
    expect(main.statuses.map(s => s.sort)).toEqual([
      10, 20, 30, 40, 50, 60, 70, 80, 10_000, 11_000,
    ]);
    expect(main.statuses.map(s => s.type)).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(main.statuses[0]!.color).toBe('#c1c1c1');
    expect(main.statuses.slice(-2).map(s => [s.id, s.color])).toEqual([
      [142, '#CCFF66'],
      [143, '#D5D8DB'],
    ]);
    for (const s of main.statuses.slice(1, -2)) {
      expect(String(s.id)).toMatch(/^\d{8}$/);
      expect(s.is_editable).toBe(true);
      expect(s.color).toMatch(/^#[0-9a-f]{6}$/);
    }
    expect(main.statuses.filter(s => !s.is_editable)).toHaveLength(3);
    expect(main.statuses.every(s => s.pipeline_id === main.id)).toBe(true);
  });

  it('has a second pipeline "Повторные продажи" with its own incoming, 142 and 143', () => {
    const repeat = account.pipelines[1]!;
    expect(repeat).toMatchObject({
      id: PIPELINE_IDS.repeat,
      name: 'Повторные продажи',
      is_main: false,
    });
    expect(repeat.statuses.map(s => s.name)).toEqual([
      'Неразобранное',
      'Новый запрос',
      'Подбор решения',
      'Отправлено КП',
      'Оплата получена',
      'Недозвон',
      'Успешно реализовано',
      'Закрыто и не реализовано',
    ]);
    expect(repeat.statuses.map(s => s.id).slice(-2)).toEqual([142, 143]);
    expect(repeat.statuses.every(s => s.pipeline_id === repeat.id)).toBe(true);
    const mainIds = new Set(account.pipelines[0]!.statuses.map(s => s.id));
    expect(repeat.statuses.filter(s => mainIds.has(s.id)).map(s => s.id)).toEqual([142, 143]);
  });
});
