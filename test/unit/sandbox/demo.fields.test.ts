import {
  DEMO_DEFAULT_LEADS,
  DEMO_DEFAULT_SEED,
  FIELD_IDS,
  generateDemoAccount,
  LOST,
  PIPELINE_IDS,
  RU_FIELD_NAMES,
  SNOOZE_FIELD_IDS,
  STATUS_IDS,
  STRONG_PRODUCT,
  TAGS,
  WEAK_SOURCE,
  WON,
} from '../../../sandbox/demo';
import type { DemoAccount, DemoLead } from '../../../sandbox/demo';

/**
 * The demo's lead custom fields (sandbox/demo/fields.ts): amoCRM's shapes, and the story their
 * slices tell, counted straight from the generated leads and events.
 */

const NOW = 1_767_000_000;
const WEAK = RU_FIELD_NAMES.utmSources[WEAK_SOURCE];
const STRONG = RU_FIELD_NAMES.products[STRONG_PRODUCT];

const valueOf = (lead: DemoLead, fieldId: number): string | undefined =>
  lead.custom_fields_values?.find(v => v.field_id === fieldId)?.values[0]?.value;

interface Rate {
  hits: number;
  total: number;
}

const rate = (r: Rate) => r.hits / r.total;

function add(rates: Map<string, Rate>, key: string, hit: boolean): void {
  const r = rates.get(key) ?? { hits: 0, total: 0 };
  r.total += 1;
  if (hit) r.hits += 1;
  rates.set(key, r);
}

/**
 * Квалифицирован → Отправлено КП by utm_source: of the main-pipeline leads that entered
 * Квалифицирован, those that went on to a later stage (or won) over those decided (moved on, or
 * lost without moving on). Leads still open there are undecided and left out.
 */
function qualifiedToProposal(account: DemoAccount): Map<string, Rate> {
  const [, , qualified, ...later] = STATUS_IDS.main.open;
  const beyond = new Set<number>([...later, WON]);
  const entered = new Set<number>();
  const passed = new Set<number>();
  for (const event of account.events) {
    if (event.type !== 'lead_status_changed') continue;
    const to = event.value_after[0]!.lead_status;
    if (to.pipeline_id !== PIPELINE_IDS.main) continue;
    if (to.id === qualified) entered.add(event.entity_id);
    else if (beyond.has(to.id) && entered.has(event.entity_id)) passed.add(event.entity_id);
  }
  const rates = new Map<string, Rate>();
  for (const lead of account.leads) {
    if (!entered.has(lead.id) || lead.is_deleted || lead.pipeline_id !== PIPELINE_IDS.main) {
      continue;
    }
    const moved = passed.has(lead.id);
    if (!moved && lead.status_id !== LOST) continue;
    add(rates, valueOf(lead, FIELD_IDS.utmSource) ?? '(none)', moved);
  }
  return rates;
}

/** Won over closed (won or lost), by product. */
function winRates(account: DemoAccount): Map<string, Rate> {
  const rates = new Map<string, Rate>();
  for (const lead of account.leads) {
    if (lead.status_id !== WON && lead.status_id !== LOST) continue;
    add(rates, valueOf(lead, FIELD_IDS.product) ?? '(none)', lead.status_id === WON);
  }
  return rates;
}

describe('the demo lead fields: amoCRM shapes', () => {
  const account = generateDemoAccount({ seed: DEMO_DEFAULT_SEED, leads: 600, now: NOW });
  const [product, utm] = account.customFields;

  it('has a list field «Продукт» and the UTM field utm_source', () => {
    expect(account.customFields.map(f => [f.id, f.name, f.type, f.code])).toEqual([
      [FIELD_IDS.product, 'Продукт', 'select', null],
      [FIELD_IDS.utmSource, 'utm_source', 'tracking_data', 'UTM_SOURCE'],
      // The snoozed deals' fields (sandbox/demo/snooze.ts, demo.snooze.test.ts).
      [SNOOZE_FIELD_IDS.until, 'Funnel Lens: ждёт до', 'date', null],
      [SNOOZE_FIELD_IDS.reason, 'Funnel Lens: причина', 'text', null],
    ]);
    expect(product!.enums!.map(e => e.value)).toEqual(RU_FIELD_NAMES.products);
    expect(new Set(product!.enums!.map(e => e.id)).size).toBe(4);
    expect(utm!.enums).toBeNull();
  });

  it('gives leads values in the read shape, in field order, naming real fields and enums', () => {
    const enums = new Map(product!.enums!.map(e => [e.id, e.value]));
    for (const lead of account.leads) {
      const values = lead.custom_fields_values;
      if (values === null) continue;
      expect(values.length).toBeGreaterThan(0);
      expect(values.map(v => v.field_id)).toEqual(
        account.customFields.map(f => f.id).filter(id => values.some(v => v.field_id === id)),
      );
      for (const value of values) {
        // Checked in demo.snooze.test.ts.
        if (value.field_id === SNOOZE_FIELD_IDS.until || value.field_id === SNOOZE_FIELD_IDS.reason)
          continue;
        if (value.field_id === FIELD_IDS.product) {
          const [choice] = value.values;
          expect(value).toMatchObject({ field_name: 'Продукт', field_code: null });
          expect(value.field_type).toBe('select');
          expect(value.values).toHaveLength(1);
          expect(enums.get(choice!.enum_id!)).toBe(choice!.value);
          expect(choice!.enum_code).toBeNull();
        } else {
          expect(value).toEqual({
            field_id: FIELD_IDS.utmSource,
            field_name: 'utm_source',
            field_code: 'UTM_SOURCE',
            field_type: 'tracking_data',
            values: [{ value: expect.any(String) }],
          });
          expect(RU_FIELD_NAMES.utmSources).toContain(value.values[0]!.value);
        }
      }
    }
  });

  it('leaves imported leads and some others without any value, as real data has them', () => {
    const imported = account.leads.filter(l => l.tags.some(t => t.id === TAGS.imported.id));
    expect(imported.length).toBeGreaterThan(0);
    expect(imported.every(l => l.custom_fields_values === null)).toBe(true);
    const others = account.leads.filter(l => !imported.includes(l));
    const empty = others.filter(l => l.custom_fields_values === null).length;
    expect(empty / others.length).toBeGreaterThan(0.05);
    expect(empty / others.length).toBeLessThan(0.35);
  });

  it('gives web requests a source far more often than regular clients', () => {
    const share = (tagId: number) => {
      const tagged = account.leads.filter(l => l.tags[0]?.id === tagId);
      return (
        tagged.filter(l => valueOf(l, FIELD_IDS.utmSource) !== undefined).length / tagged.length
      );
    };
    expect(share(TAGS.site.id)).toBeGreaterThan(0.85);
    expect(share(TAGS.client.id)).toBe(0);
  });
});

describe.each([
  ['the default demo', DEMO_DEFAULT_SEED],
  ['another seed', 42],
])('the story of the slices in %s', (_label, seed) => {
  const account = generateDemoAccount({ seed, leads: DEMO_DEFAULT_LEADS, now: NOW });

  it(`has ${WEAK} with a much weaker Квалифицирован → Отправлено КП than the other sources`, () => {
    const rates = qualifiedToProposal(account);
    const weak = rates.get(WEAK)!;
    const others = RU_FIELD_NAMES.utmSources.filter(s => s !== WEAK).map(s => rates.get(s)!);
    expect(weak.total).toBeGreaterThanOrEqual(100);
    for (const other of others) expect(other.total).toBeGreaterThanOrEqual(50);
    const pooled = others.reduce((sum, r) => ({
      hits: sum.hits + r.hits,
      total: sum.total + r.total,
    }));
    expect(rate(pooled) - rate(weak)).toBeGreaterThanOrEqual(0.15);
    for (const other of others) expect(rate(other) - rate(weak)).toBeGreaterThanOrEqual(0.1);
  });

  it(`wins ${STRONG} deals noticeably more often than any other product`, () => {
    const rates = winRates(account);
    const strong = rates.get(STRONG)!;
    expect(strong.total).toBeGreaterThanOrEqual(100);
    for (const name of RU_FIELD_NAMES.products.filter(p => p !== STRONG)) {
      const other = rates.get(name)!;
      expect(other.total).toBeGreaterThanOrEqual(100);
      expect(rate(strong) - rate(other)).toBeGreaterThanOrEqual(0.1);
    }
  });
});
