/**
 * The host page's own interface strings (amoCRM's wording) in Russian and English; Kommo's other
 * languages are in stringsKommo.ts. Numbers and money follow the user's locale.
 */
import type { HostLang } from './protocol';
import { ES, ID, PT, TR } from './stringsKommo';

const RU = {
  dashboard: 'Рабочий стол',
  leads: 'Сделки',
  customers: 'Покупатели',
  contacts: 'Списки',
  tasks: 'Задачи',
  mail: 'Почта',
  stats: 'Аналитика',
  settings: 'Настройки',
  integrations: 'Интеграции',
  notInSandbox: 'Нет в песочнице',
  search: 'Поиск и фильтр',
  list: 'Список',
  kanban: 'Воронка',
  name: 'Название',
  stage: 'Этап',
  budget: 'Бюджет',
  responsible: 'Ответственный',
  created: 'Создана',
  updated: 'Изменена',
  closed: 'Закрыта',
  pipeline: 'Воронка',
  tags: 'Теги',
  lossReason: 'Причина отказа',
  history: 'История',
  historyCreated: 'Сделка создана',
  historyStatus: 'Этап изменён',
  historyResponsible: 'Ответственный изменён',
  historyDeleted: 'Сделка удалена',
  historyRestored: 'Сделка восстановлена',
  loadMore: 'Показать ещё',
  loading: 'Загрузка…',
  filter: 'Фильтр',
  filterStages: 'Этапы',
  filterUsers: 'Ответственные',
  filterDates: 'Даты',
  resetFilter: 'Сбросить',
  emptyList: 'Сделок не найдено',
  selected: 'Выбрано',
  total: 'Итого',
  more: 'Ещё',
  save: 'Сохранить',
  cancel: 'Отмена',
  disable: 'Отключить',
  install: 'Установить',
  installed: 'Установлен',
  notInstalled: 'Не установлен',
  notConfigured: 'Требует настройки',
  requiredField: 'Заполните обязательное поле',
  newLead: 'Новая сделка',
  widgets: 'Виджеты',
  widgetMissing: 'Виджет не загружен',
  user: 'Пользователь',
  darkTheme: 'Тёмная тема',
  notFound: 'Страница не найдена',
  forbidden: 'Нет доступа',
  loadError: 'Не удалось загрузить данные',
  users: 'Пользователи',
  admin: 'Администратор',
  system: 'Система',
  of: 'из',
} as const;

export type StringKey = keyof typeof RU;
export const STRING_KEYS = Object.keys(RU) as readonly StringKey[];

const EN: Readonly<Record<StringKey, string>> = {
  dashboard: 'Dashboard',
  leads: 'Leads',
  customers: 'Customers',
  contacts: 'Lists',
  tasks: 'Tasks',
  mail: 'Mail',
  stats: 'Stats',
  settings: 'Settings',
  integrations: 'Integrations',
  notInSandbox: 'Not in the sandbox',
  search: 'Search and filter',
  list: 'List',
  kanban: 'Pipeline',
  name: 'Name',
  stage: 'Stage',
  budget: 'Sale',
  responsible: 'Responsible user',
  created: 'Created',
  updated: 'Modified',
  closed: 'Closed',
  pipeline: 'Pipeline',
  tags: 'Tags',
  lossReason: 'Loss reason',
  history: 'History',
  historyCreated: 'Lead created',
  historyStatus: 'Stage changed',
  historyResponsible: 'Responsible user changed',
  historyDeleted: 'Lead deleted',
  historyRestored: 'Lead restored',
  loadMore: 'Show more',
  loading: 'Loading…',
  filter: 'Filter',
  filterStages: 'Stages',
  filterUsers: 'Responsible',
  filterDates: 'Dates',
  resetFilter: 'Reset',
  emptyList: 'No leads found',
  selected: 'Selected',
  total: 'Total',
  more: 'More',
  save: 'Save',
  cancel: 'Cancel',
  disable: 'Disable',
  install: 'Install',
  installed: 'Installed',
  notInstalled: 'Not installed',
  notConfigured: 'Needs setup',
  requiredField: 'Fill in this required field',
  newLead: 'New lead',
  widgets: 'Widgets',
  widgetMissing: 'Widget not loaded',
  user: 'User',
  darkTheme: 'Dark theme',
  notFound: 'Page not found',
  forbidden: 'Access denied',
  loadError: 'Could not load data',
  users: 'Users',
  admin: 'Administrator',
  system: 'System',
  of: 'of',
};

export type Translate = (key: StringKey) => string;

const STRINGS: Readonly<Record<HostLang, Readonly<Record<StringKey, string>>>> = {
  ru: RU,
  en: EN,
  es: ES,
  pt: PT,
  tr: TR,
  id: ID,
};

export function translator(lang: HostLang): Translate {
  const strings = STRINGS[lang];
  return key => strings[key];
}

const LEAD_FORMS: Readonly<Record<HostLang, Readonly<Record<string, string>>>> = {
  ru: { one: 'сделка', few: 'сделки', many: 'сделок', other: 'сделки' },
  en: { one: 'lead', other: 'leads' },
  es: { one: 'lead', other: 'leads' },
  pt: { one: 'lead', other: 'leads' },
  // Turkish and Indonesian nouns stay singular after a number.
  tr: { other: 'müşteri adayı' },
  id: { other: 'lead' },
};

/**
 * The locale numbers are written in: Kommo's Spanish is Latin American, its Portuguese Brazilian
 * (as the widget's es/pt texts are).
 */
export const NUMBER_LOCALES: Readonly<Record<HostLang, string>> = {
  ru: 'ru-RU',
  en: 'en-US',
  es: 'es-MX',
  pt: 'pt-BR',
  tr: 'tr-TR',
  id: 'id-ID',
};

/** "1 сделка", "3 сделки", "25 сделок" / "1 lead", "2 leads" / "1.234 leads". */
export function leadCount(lang: HostLang, count: number): string {
  const form = new Intl.PluralRules(NUMBER_LOCALES[lang]).select(count);
  const forms = LEAD_FORMS[lang];
  return `${formatNumber(lang, count)} ${forms[form] ?? forms.other ?? ''}`;
}

// Intl formatters take a millisecond or so to build: a list of hundreds of rows must reuse them.
const numberFormats = new Map<HostLang, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

export function formatNumber(lang: HostLang, value: number): string {
  let format = numberFormats.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(NUMBER_LOCALES[lang]);
    numberFormats.set(lang, format);
  }
  return format.format(value);
}

/**
 * The rouble goes after the number, as amoCRM writes it in every language ("76 400 ₽",
 * "76,400 ₽"); other currencies' signs go before it, as Kommo writes them ("$850", "R$ 4.780",
 * "Rp 13.800.000"), with a space after a sign of more than one character.
 */
export function formatMoney(lang: HostLang, value: number, symbol: string): string {
  const number = formatNumber(lang, value);
  if (symbol === '₽') return `${number} ${symbol}`;
  return symbol.length > 1 ? `${symbol} ${number}` : `${symbol}${number}`;
}

/** dd.mm.yyyy hh:mm in the account's timezone, as amoCRM shows dates. */
export function formatDate(value: number, timeZone: string, withTime = true): string {
  const key = `${timeZone} ${withTime}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('ru-RU', {
      timeZone,
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      ...(withTime && { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
    });
    dateFormats.set(key, format);
  }
  return format.format(new Date(value * 1000)).replace(',', '');
}
