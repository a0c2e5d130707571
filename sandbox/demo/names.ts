import type { Rng } from './random';
import type { PipeKey } from './structure';

/**
 * Deal names as Russian sales teams write them: "<client> — <what is sold>". Two hostile names
 * exist exactly once each so every UI surface is checked to render names as text, not HTML.
 */
export const HOSTILE_NAMES = [
  '<img src=x onerror=alert(1)>',
  'Сделка <b>жирная</b> & "кавычки"',
] as const;

const COMPANIES = [
  'Вектор', 'Альфа-Строй', 'Северный ветер', 'Гранит', 'Меридиан', 'Техносфера', 'Промресурс',
  'Солнечный город', 'Балтика-Сервис', 'Восток-Логистик', 'Орион', 'Квадрат', 'Стройинвест',
  'Белый медведь', 'Сибирские окна', 'Уральская сталь', 'Форвард', 'Лидер', 'Статус',
  'ПрофМаркет', 'Эверест', 'Прайм', 'Дельта', 'Новые технологии', 'Кедр', 'Радуга', 'Атлант',
  'Градиент', 'Ладога', 'Волга-Трейд', 'Пегас', 'Нева-Принт', 'Агроинвест', 'МедТехника',
  'Кристалл', 'Олимп', 'Энергосбыт-Юг', 'Зелёная долина', 'Бизнес Консалт', 'Терминал',
]; // prettier-ignore

const SURNAMES = [
  'Смирнова', 'Иванов', 'Кузнецова', 'Попов', 'Васильева', 'Петров', 'Соколов', 'Михайлова',
  'Новиков', 'Фёдорова', 'Морозов', 'Волкова', 'Алексеев', 'Лебедева', 'Семёнов', 'Егорова',
  'Павлов', 'Козлова', 'Степанов', 'Николаева', 'Орлов', 'Андреева', 'Макаров', 'Захарова',
]; // prettier-ignore

/** `{n}` is replaced by a seat / item count. */
const SUBJECTS = [
  'поставка оборудования', 'CRM на {n} мест', 'внедрение CRM', 'годовое обслуживание',
  'поставка расходных материалов', 'интеграция с 1С', 'аудит отдела продаж',
  'обучение менеджеров', 'IP-телефония на {n} линий', 'настройка рекламы', 'разработка сайта',
  'аренда серверов', 'лицензии на {n} мест', 'техподдержка', 'монтаж видеонаблюдения',
  'автоматизация склада', 'корпоративный портал', 'ноутбуки, {n} шт.', 'оснащение офиса',
  'сопровождение 1С', 'чат-бот для сайта', 'перенос данных из Excel',
]; // prettier-ignore

const REPEAT_SUBJECTS = [
  'продление лицензий', 'докупка {n} мест', 'расширение тарифа', 'продление поддержки',
  'дополнительный модуль', 'обучение новых сотрудников', 'доработка интеграции',
]; // prettier-ignore

const COUNTS = [3, 5, 10, 12, 15, 20, 25, 30, 50, 100];

function client(rng: Rng): string {
  const r = rng.float();
  if (r < 0.27) return `ИП ${rng.pick(SURNAMES)}`;
  const company = rng.pick(COMPANIES);
  if (r < 0.83) return `ООО «${company}»`;
  if (r < 0.96) return `АО «${company}»`;
  return `ПАО «${company}»`;
}

/**
 * A realistic deal name. Some web-form requests keep amoCRM's default "Сделка #<id>", which the
 * caller passes as `leadId`.
 */
export function dealName(rng: Rng, pipe: PipeKey, fromForm: boolean, leadId: number): string {
  if (fromForm && rng.chance(0.06)) return `Сделка #${leadId}`;
  const subjects = pipe === 'repeat' ? REPEAT_SUBJECTS : SUBJECTS;
  const subject = rng.pick(subjects).replace('{n}', String(rng.pick(COUNTS)));
  return `${client(rng)} — ${subject}`;
}
