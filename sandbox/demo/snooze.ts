import type { HostLang } from '../host/protocol';
import { DAY, localDay, MSK_OFFSET } from './calendar';
import { HOSTILE_NAMES } from './names';
import type { Rng } from './random';
import { PIPELINE_IDS, STATUS_IDS } from './structure';
import type { DemoCustomField, DemoCustomFieldValue, DemoLead } from './types';

/**
 * Snoozed deals in the demo (docs/metrics.md F.6): the two lead fields a widget's settings create
 * ("Funnel Lens: ждёт до", a date, and "Funnel Lens: причина", text) and a handful of open deals
 * in the later main-pipeline stages marked with them: most still waiting (a date ahead, with a
 * reason), a couple whose date has passed. Drawn after everything else from their own random
 * stream, so every lead, event and other field value is the same as without them. Nothing is
 * snoozed until the widget's settings name the fields: the numbers only change then.
 */

export const SNOOZE_FIELD_IDS = { until: 1_291_007, reason: 1_291_009 } as const;

/** How many deals get a mark, and the spread of their dates around `now`. */
export const SNOOZE = {
  /** Still waiting at `now`: mostly stuck deals (a snooze is what one does to a stuck deal). */
  waiting: { stuck: 9, other: 3 },
  /** Marked once, the date has passed: they count as stuck again where they are. */
  expired: 2,
  /** Calendar days from today: a date ahead is 2–40 days away, a past one 1–14 days ago. */
  aheadDays: [2, 40],
  pastDays: [1, 14],
} as const;

/** Main-pipeline positions of the later open stages: Отправлено КП and after. */
const LATER_FROM = 3;

interface SnoozeTexts {
  readonly until: string;
  readonly reason: string;
  /** What a manager writes; the same roles in every language. */
  readonly reasons: readonly [string, string, string, string, string];
}

/** Field names as the widget's settings create them (i18n `fl.settings.snooze.*Name`). */
const TEXTS: Readonly<Record<HostLang, SnoozeTexts>> = {
  ru: {
    until: 'Funnel Lens: ждёт до',
    reason: 'Funnel Lens: причина',
    reasons: [
      'Клиент в отпуске',
      'Ждём бюджет на следующий квартал',
      'Согласование у юристов клиента',
      'Тендер, итоги позже',
      'Перезвонить после праздников',
    ],
  },
  en: {
    until: 'Funnel Lens: waiting until',
    reason: 'Funnel Lens: reason',
    reasons: [
      'Client on vacation',
      'Waiting for next quarter’s budget',
      'With the client’s lawyers',
      'Tender, results later',
      'Call back after the holidays',
    ],
  },
  es: {
    until: 'Funnel Lens: espera hasta',
    reason: 'Funnel Lens: motivo',
    reasons: [
      'Cliente de vacaciones',
      'Esperan el presupuesto del próximo trimestre',
      'En revisión legal del cliente',
      'Licitación, resultados más tarde',
      'Llamar después de las fiestas',
    ],
  },
  pt: {
    until: 'Funnel Lens: aguarda até',
    reason: 'Funnel Lens: motivo',
    reasons: [
      'Cliente de férias',
      'Aguardando o orçamento do próximo trimestre',
      'Em análise jurídica do cliente',
      'Licitação, resultado depois',
      'Ligar depois dos feriados',
    ],
  },
  tr: {
    until: 'Funnel Lens: bekliyor',
    reason: 'Funnel Lens: neden',
    reasons: [
      'Müşteri tatilde',
      'Gelecek çeyreğin bütçesi bekleniyor',
      'Müşterinin hukuk biriminde',
      'İhale, sonuç daha sonra',
      'Tatilden sonra aranacak',
    ],
  },
  id: {
    until: 'Funnel Lens: menunggu sampai',
    reason: 'Funnel Lens: alasan',
    reasons: [
      'Klien sedang cuti',
      'Menunggu anggaran kuartal depan',
      'Sedang ditinjau tim hukum klien',
      'Tender, hasil menyusul',
      'Hubungi lagi setelah libur',
    ],
  },
};

/** The two fields, in the language's names (sorted after the demo's other fields). */
export function snoozeFields(lang: HostLang): DemoCustomField[] {
  const texts = TEXTS[lang];
  const field = (id: number, name: string, type: 'date' | 'text', sort: number) => ({
    id,
    name,
    type,
    code: null,
    sort,
    is_api_only: false,
    enums: null,
  });
  return [
    field(SNOOZE_FIELD_IDS.until, texts.until, 'date', 530),
    field(SNOOZE_FIELD_IDS.reason, texts.reason, 'text', 540),
  ];
}

/** Moscow midnight `days` calendar days after `now`'s day: what a date field holds. */
const dayStart = (now: number, days: number): number => (localDay(now) + days) * DAY - MSK_OFFSET;

function markValues(
  lang: HostLang,
  until: number,
  reason: number | null,
): readonly DemoCustomFieldValue[] {
  const texts = TEXTS[lang];
  const values: DemoCustomFieldValue[] = [
    {
      field_id: SNOOZE_FIELD_IDS.until,
      field_name: texts.until,
      field_code: null,
      field_type: 'date',
      values: [{ value: String(until) }],
    },
  ];
  const text = reason === null ? undefined : texts.reasons[reason];
  if (text !== undefined) {
    values.push({
      field_id: SNOOZE_FIELD_IDS.reason,
      field_name: texts.reason,
      field_code: null,
      field_type: 'text',
      values: [{ value: text }],
    });
  }
  return values;
}

/** A lead's mark as drawn, so another language writes the same one in its words. */
interface DemoSnooze {
  readonly until: number;
  readonly reason: number | null;
}

/** Each marked lead's values → the shared values it had before and its mark. */
const marked = new WeakMap<
  readonly DemoCustomFieldValue[],
  { readonly base: readonly DemoCustomFieldValue[] | null; readonly snooze: DemoSnooze }
>();

function withMark(
  base: readonly DemoCustomFieldValue[] | null,
  lang: HostLang,
  snooze: DemoSnooze,
): readonly DemoCustomFieldValue[] {
  const values = [...(base ?? []), ...markValues(lang, snooze.until, snooze.reason)];
  marked.set(values, { base, snooze });
  return values;
}

/**
 * Marks a few open later-stage main-pipeline deals (`stalled(i)` says whether `leads[i]` is
 * stuck), appending the mark after their other field values. Hostile-named deals are left alone
 * (the stuck list's tests look for them there). Draws only from `rng`.
 */
export function markSnoozes(
  leads: readonly DemoLead[],
  stalled: (index: number) => boolean,
  now: number,
  rng: Rng,
): void {
  const later = new Set<number>(STATUS_IDS.main.open.slice(LATER_FROM));
  const stuck: number[] = [];
  const other: number[] = [];
  leads.forEach((lead, i) => {
    if (lead.is_deleted || lead.pipeline_id !== PIPELINE_IDS.main) return;
    if (!later.has(lead.status_id) || (HOSTILE_NAMES as readonly string[]).includes(lead.name))
      return;
    (stalled(i) ? stuck : other).push(i);
  });
  const take = (from: number[], count: number): number[] => {
    const out: number[] = [];
    while (out.length < count && from.length > 0) {
      const [i] = from.splice(rng.int(0, from.length - 1), 1);
      if (i !== undefined) out.push(i);
    }
    return out;
  };
  const waiting = [...take(stuck, SNOOZE.waiting.stuck), ...take(other, SNOOZE.waiting.other)];
  const expired = take([...stuck, ...other], SNOOZE.expired);
  const mark = (i: number, days: number, reason: number | null) => {
    const lead = leads[i];
    if (lead) {
      const snooze = { until: dayStart(now, days), reason };
      lead.custom_fields_values = withMark(lead.custom_fields_values, 'ru', snooze);
    }
  };
  const reasons = TEXTS.ru.reasons.length;
  // Most with a reason; a date alone is a mark too (the reason field is optional).
  for (const i of waiting)
    mark(i, rng.int(...SNOOZE.aheadDays), rng.chance(0.85) ? rng.int(0, reasons - 1) : null);
  for (const i of expired) mark(i, -rng.int(...SNOOZE.pastDays), rng.int(0, reasons - 1));
}

/**
 * A lead's values in `lang`: `translate` renames the other fields' shared values; a mark is
 * written again in that language's words. Values this module did not mark go to `translate`.
 */
export function localizeSnooze(
  values: readonly DemoCustomFieldValue[] | null,
  lang: HostLang,
  translate: (
    values: readonly DemoCustomFieldValue[] | null,
  ) => readonly DemoCustomFieldValue[] | null,
): readonly DemoCustomFieldValue[] | null {
  const held = values === null ? undefined : marked.get(values);
  return held ? withMark(translate(held.base), lang, held.snooze) : translate(values);
}
