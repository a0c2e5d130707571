import {
  DEMO_DEFAULT_SEED,
  generateDemoAccount,
  HOSTILE_NAMES,
  PIPELINE_IDS,
  SNOOZE,
  SNOOZE_FIELD_IDS,
  STATUS_IDS,
} from '../../../sandbox/demo';
import type { DemoAccount, DemoLead } from '../../../sandbox/demo';

/** The demo's snoozed deals (sandbox/demo/snooze.ts, docs/metrics.md F.6). */

const NOW = 1_767_000_000;
const DAY = 86_400;

const valueOf = (lead: DemoLead, fieldId: number): string | undefined =>
  lead.custom_fields_values?.find(v => v.field_id === fieldId)?.values[0]?.value;

const marked = (account: DemoAccount) =>
  account.leads.filter(lead => valueOf(lead, SNOOZE_FIELD_IDS.until) !== undefined);

describe('the demo snoozed deals', () => {
  const account = generateDemoAccount({ seed: DEMO_DEFAULT_SEED, leads: 3000, now: NOW });
  const deals = marked(account);
  const until = (lead: DemoLead) => Number(valueOf(lead, SNOOZE_FIELD_IDS.until));

  it('marks a handful of open later-stage main-pipeline deals, none with a hostile name', () => {
    const total = SNOOZE.waiting.stuck + SNOOZE.waiting.other + SNOOZE.expired;
    expect(deals).toHaveLength(total);
    const later = STATUS_IDS.main.open.slice(3) as readonly number[];
    for (const lead of deals) {
      expect(lead.pipeline_id).toBe(PIPELINE_IDS.main);
      expect(later).toContain(lead.status_id);
      expect(lead.is_deleted).toBe(false);
      expect(HOSTILE_NAMES).not.toContain(lead.name);
    }
  });

  it('gives most a date ahead, at a Moscow midnight, and a couple a date that has passed', () => {
    const ahead = deals.filter(lead => until(lead) > NOW);
    expect(ahead).toHaveLength(SNOOZE.waiting.stuck + SNOOZE.waiting.other);
    for (const lead of deals) {
      expect((until(lead) + 3 * 3600) % DAY).toBe(0);
      const days = (until(lead) - NOW) / DAY;
      expect(days).toBeGreaterThan(-SNOOZE.pastDays[1] - 1);
      expect(days).toBeLessThan(SNOOZE.aheadDays[1] + 1);
    }
    // Reasons are optional, but most have one; an expired mark keeps its reason too.
    const reasons = deals.filter(lead => valueOf(lead, SNOOZE_FIELD_IDS.reason) !== undefined);
    expect(reasons.length).toBeGreaterThan(deals.length / 2);
    // Mostly stuck deals: they entered their stage weeks ago.
    const entered = new Map<number, number>();
    for (const e of account.events)
      if (e.type === 'lead_status_changed') entered.set(e.entity_id, e.created_at);
    const weeks = deals.filter(lead => NOW - (entered.get(lead.id) ?? NOW) > 14 * DAY);
    expect(weeks.length).toBeGreaterThan(deals.length / 2);
  });

  it('appends the mark after the other fields, in the read shape', () => {
    for (const lead of deals) {
      const values = lead.custom_fields_values ?? [];
      const ids = values.map(v => v.field_id);
      const own: number[] = [SNOOZE_FIELD_IDS.until, SNOOZE_FIELD_IDS.reason];
      const first = ids.findIndex(id => own.includes(id));
      expect(ids[first]).toBe(SNOOZE_FIELD_IDS.until);
      expect(ids.slice(first).every(id => own.includes(id))).toBe(true);
      expect(values.find(v => v.field_id === SNOOZE_FIELD_IDS.until)).toEqual({
        field_id: SNOOZE_FIELD_IDS.until,
        field_name: 'Funnel Lens: ждёт до',
        field_code: null,
        field_type: 'date',
        values: [{ value: expect.stringMatching(/^\d+$/) }],
      });
    }
  });

  it('is the same mark in another language, in that language’s words', () => {
    const en = generateDemoAccount({ seed: DEMO_DEFAULT_SEED, leads: 3000, now: NOW, lang: 'en' });
    const enDeals = marked(en);
    expect(enDeals.map(lead => [lead.id, until(lead)])).toEqual(
      deals.map(lead => [lead.id, until(lead)]),
    );
    expect(en.customFields.slice(-2).map(f => f.name)).toEqual([
      'Funnel Lens: waiting until',
      'Funnel Lens: reason',
    ]);
    const enReason = enDeals.map(lead => valueOf(lead, SNOOZE_FIELD_IDS.reason) === undefined);
    expect(enReason).toEqual(
      deals.map(lead => valueOf(lead, SNOOZE_FIELD_IDS.reason) === undefined),
    );
    expect(enDeals.some(lead => /[а-яё]/i.test(JSON.stringify(lead.custom_fields_values)))).toBe(
      false,
    );
  });
});
