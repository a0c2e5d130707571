import type {
  DemoAccountInfo,
  DemoGroup,
  DemoLossReason,
  DemoPipeline,
  DemoStatus,
  DemoTag,
  DemoUser,
} from './types';

/**
 * The fixed skeleton of the demo account: account, groups, users, pipelines and loss reasons.
 * Ids are constants (not seed-dependent) and shaped like real amoCRM ids, so the emulator, e2e
 * tests and docs can name them.
 */
export const ACCOUNT_ID = 31_874_512;
export const WON = 142;
export const LOST = 143;

export const GROUP_IDS = { default: 0, sales1: 415_702, sales2: 415_718 } as const;

export const USER_IDS = {
  admin: 7_340_157,
  volkov: 7_340_211,
  morozova: 7_340_258,
  lebedev: 7_341_003,
  novikova: 7_342_519,
  kozlov: 7_342_987,
  pavlova: 7_343_460,
} as const;

export const PIPELINE_IDS = { main: 7_812_340, repeat: 7_812_388 } as const;
export type PipeKey = keyof typeof PIPELINE_IDS;

/**
 * Status ids: `incoming` is "Неразобранное", `open` are the funnel stages in order, `side` is an
 * open stage sorted after them that is not a step forward (metrics.md 11.3, see `sideStage.ts`).
 */
export const STATUS_IDS = {
  main: {
    incoming: 63_450_110,
    open: [63_450_114, 63_450_118, 63_450_122, 63_450_126, 63_450_130, 63_450_134, 63_450_138],
  },
  repeat: {
    incoming: 63_451_202,
    open: [63_451_206, 63_451_210, 63_451_214, 63_451_218],
    side: 63_451_222,
  },
} as const;

/** The side stage's name: the client could not be reached after the first request. */
export const SIDE_STAGE_NAME = 'Недозвон';

const STAGE_NAMES: Record<PipeKey, readonly string[]> = {
  main: [
    'Новый лид',
    'Взяли в работу',
    'Квалифицирован',
    'Отправлено КП',
    'Реквизиты получены',
    'Договор/счет отправлен',
    'Оплата получена',
  ],
  repeat: ['Новый запрос', 'Подбор решения', 'Отправлено КП', 'Оплата получена'],
};

const STAGE_COLORS = ['#99ccff', '#ffcc66', '#ffff99', '#ccff66', '#fffd7f', '#deff81', '#87f2c0'];

export const LOSS_REASONS = {
  expensive: { id: 11_250_021, name: 'Дорого' },
  competitor: { id: 11_250_024, name: 'Выбрали конкурента' },
  noBudget: { id: 11_250_027, name: 'Нет бюджета' },
  noAnswer: { id: 11_250_030, name: 'Не дозвонились' },
  noNeed: { id: 11_250_033, name: 'Нет потребности' },
  timing: { id: 11_250_036, name: 'Не устроили сроки' },
  spam: { id: 11_250_039, name: 'Спам / дубль' },
} as const;
export type LossReasonKey = keyof typeof LOSS_REASONS;

const tag = (id: number, name: string, color: string | null): DemoTag =>
  Object.freeze({ id, name, color });

/** Lead sources as amoCRM tags; frozen because leads share them. */
export const TAGS = {
  site: tag(204_511, 'сайт', null),
  chat: tag(204_512, 'чат', '#b6e1f7'),
  call: tag(204_513, 'звонок', null),
  referral: tag(204_514, 'рекомендация', '#d4f5c7'),
  expo: tag(204_515, 'выставка', null),
  imported: tag(204_516, 'импорт', '#e8e8e8'),
  client: tag(204_517, 'постоянный клиент', '#ffe3b5'),
} as const;

export function accountInfo(now: number): DemoAccountInfo {
  return {
    id: ACCOUNT_ID,
    name: 'Демо',
    subdomain: 'demo',
    country: 'RU',
    currency: 'RUB',
    currency_symbol: '₽',
    timezone: 'Europe/Moscow',
    timezone_offset: '+03:00',
    created_at: accountCreatedAt(now),
    is_loss_reason_enabled: true,
    is_api_filter_enabled: true,
  };
}

/** The account predates even the longest history (18 months) by over a year: a lived-in CRM. */
function accountCreatedAt(now: number): number {
  return now - 3 * 365 * 86_400 + 8 * 3600;
}

export function groups(): DemoGroup[] {
  return [
    { id: GROUP_IDS.default, name: 'Руководство', uuid: null },
    { id: GROUP_IDS.sales1, name: 'Отдел продаж 1', uuid: null },
    { id: GROUP_IDS.sales2, name: 'Отдел продаж 2', uuid: null },
  ];
}

type UserSeed = [id: number, name: string, email: string, group: number, view: 'A' | 'G' | 'M'];

const USER_SEEDS: readonly UserSeed[] = [
  [USER_IDS.admin, 'Анна Соколова', 'anna.sokolova', GROUP_IDS.default, 'A'],
  [USER_IDS.volkov, 'Дмитрий Волков', 'd.volkov', GROUP_IDS.sales1, 'A'],
  [USER_IDS.morozova, 'Екатерина Морозова', 'e.morozova', GROUP_IDS.sales1, 'G'],
  [USER_IDS.lebedev, 'Сергей Лебедев', 's.lebedev', GROUP_IDS.sales1, 'M'],
  [USER_IDS.novikova, 'Ольга Новикова', 'o.novikova', GROUP_IDS.sales2, 'G'],
  [USER_IDS.kozlov, 'Алексей Козлов', 'a.kozlov', GROUP_IDS.sales2, 'A'],
  [USER_IDS.pavlova, 'Мария Павлова', 'm.pavlova', GROUP_IDS.sales2, 'M'],
];

export function users(): DemoUser[] {
  return USER_SEEDS.map(([id, name, login, group, view]) => ({
    id,
    name,
    email: `${login}@demo.example`,
    lang: 'ru',
    group_id: group,
    is_admin: id === USER_IDS.admin,
    is_active: true,
    leads_view: view,
  }));
}

/** The group of every user, for `lead.group_id`. */
export const USER_GROUP: ReadonlyMap<number, number> = new Map(
  USER_SEEDS.map(([id, , , group]) => [id, group]),
);

function pipeline(key: PipeKey, name: string, sort: number): DemoPipeline {
  const pipelineId = PIPELINE_IDS[key];
  const status = (
    id: number,
    statusName: string,
    statusSort: number,
    color: string,
  ): DemoStatus => ({
    id,
    name: statusName,
    sort: statusSort,
    is_editable: !(id === WON || id === LOST || id === STATUS_IDS[key].incoming),
    pipeline_id: pipelineId,
    color,
    type: id === STATUS_IDS[key].incoming ? 1 : 0,
    account_id: ACCOUNT_ID,
  });
  const statuses: DemoStatus[] = [status(STATUS_IDS[key].incoming, 'Неразобранное', 10, '#c1c1c1')];
  const ids = STATUS_IDS[key];
  ids.open.forEach((id, i) => {
    statuses.push(status(id, STAGE_NAMES[key][i] ?? '', 20 + 10 * i, STAGE_COLORS[i] ?? '#99ccff'));
  });
  // Sorted after the real steps, as amoCRM users keep such a stage: at the end of the board.
  if ('side' in ids)
    statuses.push(status(ids.side, SIDE_STAGE_NAME, 20 + 10 * ids.open.length, '#ffc8c8'));
  statuses.push(status(WON, 'Успешно реализовано', 10_000, '#CCFF66'));
  statuses.push(status(LOST, 'Закрыто и не реализовано', 11_000, '#D5D8DB'));
  return {
    id: pipelineId,
    name,
    sort,
    is_main: key === 'main',
    is_unsorted_on: true,
    is_archive: false,
    account_id: ACCOUNT_ID,
    statuses,
  };
}

export function pipelines(): DemoPipeline[] {
  return [pipeline('main', 'Продажи', 1), pipeline('repeat', 'Повторные продажи', 2)];
}

export function lossReasons(now: number): DemoLossReason[] {
  const created = accountCreatedAt(now) + 2 * 86_400;
  return Object.values(LOSS_REASONS).map(({ id, name }, i) => ({
    id,
    name,
    sort: 10 * (i + 1),
    created_at: created + i * 60,
    updated_at: created + i * 60,
  }));
}
