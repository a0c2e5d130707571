import { LOST_POS, WON_POS } from './funnel';
import type { Journey, Place } from './journey';
import type { PlannedLead } from './leads';
import type { DemoFieldNames } from './locales';
import type { Rng } from './random';
import { TAGS } from './structure';
import type { DemoCustomField, DemoCustomFieldValue, DemoLead } from './types';

/**
 * The demo's lead custom fields: the list field «Продукт» and amoCRM's own UTM field
 * `utm_source` (type tracking_data, code UTM_SOURCE, filled by site forms, chats and call
 * tracking). Their values are drawn after everything else, from their own random stream, with
 * odds that depend on the lead's finished journey. So the slices tell a story (one source with
 * a much weaker Квалифицирован → Отправлено КП, one product that wins more often) while every
 * lead, event, date and the order of every other draw stay exactly as without the fields.
 */

export const FIELD_IDS = { product: 1_291_005, utmSource: 1_283_437 } as const;
const PRODUCT_ENUM_IDS = [2_904_511, 2_904_513, 2_904_515, 2_904_517] as const;

export const RU_FIELD_NAMES: DemoFieldNames = {
  product: 'Продукт',
  products: ['Внедрение CRM', 'Интеграция', 'Обучение', 'Техподдержка'],
  utmSources: ['yandex', 'google', 'vk', 'telegram', 'partner'],
};

/** The paid social channel (`vk`): its leads qualify, then rarely get a proposal. */
export const WEAK_SOURCE = 2;
/** Техподдержка: a support contract is an easy sale, so it wins noticeably more often. */
export const STRONG_PRODUCT = 3;

type QualifiedOutcome = 'passed' | 'failed' | 'none';

const SOURCE = {
  /** Odds of each `utmSources` value before the story. */
  weights: [32, 22, 20, 12, 14],
  /** The weak source's odds multiplied by what the lead did at Квалифицирован. */
  weakMul: { passed: 0.5, failed: 1.7, none: 1 } satisfies Record<QualifiedOutcome, number>,
  /** Chance of a utm_source by how the lead came in: site or chat, a call, or a manager. */
  share: { web: 0.95, call: 0.6, manual: 0.2 },
} as const;

const PRODUCT = {
  /** Odds of each product before the story. */
  weights: [40, 25, 15, 20],
  /** The strong product's odds multiplied, for won and lost leads. */
  strongMul: { won: 1.8, lost: 0.6, open: 1 },
  /** Chance the manager filled it in: most do once a deal is taken into work, few before. */
  share: { worked: 0.85, early: 0.15 },
} as const;

/** Main-pipeline position of Квалифицирован, and a reach above every open stage for won. */
const QUALIFIED = 2;
const WON_REACH = 100;
const NONE = -1;

const freezeDeep = <T>(value: T): T => {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) freezeDeep(inner);
    Object.freeze(value);
  }
  return value;
};

/**
 * The fields and every possible `custom_fields_values` of a lead, in one language. Leads share
 * these frozen arrays: one per (product, source) pair, so the fields cost a 100,000-lead account
 * a pointer per lead.
 */
export class DemoFieldSet {
  readonly fields: readonly DemoCustomField[];
  private readonly table: (readonly DemoCustomFieldValue[] | null)[] = [];
  private readonly keys = new Map<readonly DemoCustomFieldValue[], number>();
  /** Table row length: every source, and none. */
  private readonly width: number;

  constructor(names: DemoFieldNames) {
    const product: DemoCustomField = {
      id: FIELD_IDS.product,
      name: names.product,
      type: 'select',
      code: null,
      sort: 510,
      is_api_only: false,
      enums: names.products.map((value, i) => ({
        id: PRODUCT_ENUM_IDS[i] ?? 0,
        value,
        sort: i + 1,
      })),
    };
    const utmSource: DemoCustomField = {
      id: FIELD_IDS.utmSource,
      name: 'utm_source',
      type: 'tracking_data',
      code: 'UTM_SOURCE',
      sort: 520,
      is_api_only: false,
      enums: null,
    };
    this.fields = freezeDeep([product, utmSource]);
    this.width = names.utmSources.length + 1;
    for (let p = NONE; p < names.products.length; p += 1) {
      for (let s = NONE; s < names.utmSources.length; s += 1) {
        const values: DemoCustomFieldValue[] = [];
        const choice = product.enums?.[p];
        if (choice) {
          values.push({
            field_id: product.id,
            field_name: product.name,
            field_code: null,
            field_type: 'select',
            values: [{ value: choice.value, enum_id: choice.id, enum_code: null }],
          });
        }
        const source = names.utmSources[s];
        if (source !== undefined) {
          values.push({
            field_id: utmSource.id,
            field_name: utmSource.name,
            field_code: utmSource.code,
            field_type: 'tracking_data',
            values: [{ value: source }],
          });
        }
        const key = this.table.length;
        const shared = values.length === 0 ? null : freezeDeep(values);
        this.table.push(shared);
        if (shared) this.keys.set(shared, key);
      }
    }
  }

  /** The values of a lead with this product and source index (NONE = not filled in). */
  values(product: number, source: number): readonly DemoCustomFieldValue[] | null {
    return this.table[(product + 1) * this.width + source + 1] ?? null;
  }

  /** The same values in `other`'s language; values this set did not make are kept as they are. */
  translate(
    values: readonly DemoCustomFieldValue[] | null,
    other: DemoFieldSet,
  ): readonly DemoCustomFieldValue[] | null {
    if (values === null) return null;
    const key = this.keys.get(values);
    return key === undefined ? values : (other.table[key] ?? null);
  }
}

export const RU_FIELDS = new DemoFieldSet(RU_FIELD_NAMES);

interface Outcome {
  readonly qualified: QualifiedOutcome;
  /** Taken into work: reached a stage after the first one, or won. */
  readonly worked: boolean;
  readonly end: 'won' | 'lost' | 'open';
}

/** What the journey did at Квалифицирован (main pipeline) and how it ended. */
function outcomeOf(journey: Journey): Outcome {
  let reach = NONE;
  let worked = false;
  const see = (place: Place) => {
    if (place.pos >= 1 || place.pos === WON_POS) worked = true;
    if (place.pipe === 'main')
      reach = Math.max(reach, place.pos === WON_POS ? WON_REACH : place.pos);
  };
  const first = journey.steps.find(step => step.kind === 'status');
  see(first?.kind === 'status' ? first.from : journey.place);
  for (const step of journey.steps) if (step.kind === 'status') see(step.to);
  const { place } = journey;
  const end = place.pos === WON_POS ? 'won' : place.pos === LOST_POS ? 'lost' : 'open';
  const failed = reach === QUALIFIED && place.pipe === 'main' && end === 'lost';
  return { qualified: reach > QUALIFIED ? 'passed' : failed ? 'failed' : 'none', worked, end };
}

function sourceShare(plan: PlannedLead): number {
  const tag = plan.tags[0];
  if (plan.imported || tag === TAGS.client) return 0;
  if (tag === TAGS.site || tag === TAGS.chat) return SOURCE.share.web;
  return tag === TAGS.call ? SOURCE.share.call : SOURCE.share.manual;
}

const withMul = (weights: readonly number[], index: number, mul: number): number[] =>
  weights.map((w, i) => (i === index ? w * mul : w));

const SOURCE_WEIGHTS: Record<QualifiedOutcome, number[]> = {
  passed: withMul(SOURCE.weights, WEAK_SOURCE, SOURCE.weakMul.passed),
  failed: withMul(SOURCE.weights, WEAK_SOURCE, SOURCE.weakMul.failed),
  none: [...SOURCE.weights],
};
const PRODUCT_WEIGHTS: Record<Outcome['end'], number[]> = {
  won: withMul(PRODUCT.weights, STRONG_PRODUCT, PRODUCT.strongMul.won),
  lost: withMul(PRODUCT.weights, STRONG_PRODUCT, PRODUCT.strongMul.lost),
  open: [...PRODUCT.weights],
};

/**
 * Sets `custom_fields_values` of each lead (`leads[i]` is `plans[i]`'s lead, as generated and not
 * yet shared). Four draws per lead at most, all from `rng`; imported leads have no fields.
 */
export function fillCustomFields(plans: readonly PlannedLead[], leads: DemoLead[], rng: Rng): void {
  plans.forEach((plan, i) => {
    const lead = leads[i];
    if (!lead || plan.imported) return;
    const outcome = outcomeOf(plan.journey);
    const productShare = outcome.worked ? PRODUCT.share.worked : PRODUCT.share.early;
    const product = rng.chance(productShare) ? rng.weighted(PRODUCT_WEIGHTS[outcome.end]) : NONE;
    const source = rng.chance(sourceShare(plan))
      ? rng.weighted(SOURCE_WEIGHTS[outcome.qualified])
      : NONE;
    lead.custom_fields_values = RU_FIELDS.values(product, source);
  });
}
