import {
  DEMO_DEFAULT_LEADS,
  DEMO_HISTORY_DAYS,
  DEMO_LONG_HISTORY_ABOVE,
  DEMO_LONG_HISTORY_DAYS,
  demoHistoryDays,
  generateDemoAccount,
} from '../../../sandbox/demo';

/**
 * How far back the demo goes. Load-test sizes get 18 months, so a year-long report has history
 * before it; the story-sized accounts keep the year their tests are tuned on. Checked at a size
 * just above the threshold: the 100,000-lead account is too slow to generate again here.
 */

const DAY = 86_400;
const NOW = 1_767_000_000;
const YEAR_AGO = NOW - 365 * DAY;

describe('demoHistoryDays', () => {
  it('is a year up to the threshold and 18 months above it', () => {
    expect(demoHistoryDays(0)).toBe(DEMO_HISTORY_DAYS);
    expect(demoHistoryDays(DEMO_DEFAULT_LEADS)).toBe(365);
    expect(demoHistoryDays(DEMO_LONG_HISTORY_ABOVE)).toBe(365);
    expect(demoHistoryDays(DEMO_LONG_HISTORY_ABOVE + 1)).toBe(DEMO_LONG_HISTORY_DAYS);
    expect(DEMO_LONG_HISTORY_DAYS).toBe(548);
  });
});

describe('a load-test sized account', () => {
  const account = generateDemoAccount({ seed: 5, leads: 12_000, now: NOW });
  const created = account.leads.map(lead => lead.created_at);
  const first = Math.min(...created);
  const last = Math.max(...created);

  it('spreads lead creation over the 18 months before now', () => {
    expect(first).toBeGreaterThanOrEqual(NOW - DEMO_LONG_HISTORY_DAYS * DAY);
    expect(last).toBeLessThan(NOW);
    expect((last - first) / DAY).toBeGreaterThan(540);
    // Every month of the span gets leads, not only its ends.
    const months = new Set(created.map(t => Math.floor((NOW - t) / (30 * DAY))));
    expect(months.size).toBe(19);
    expect(account.account.created_at).toBeLessThan(first);
  });

  it('has status history from before the last year and moves inside it of leads created before it', () => {
    const changes = account.events.filter(event => event.type === 'lead_status_changed');
    const older = changes.filter(event => event.created_at < YEAR_AGO);
    expect(older.length).toBeGreaterThan(changes.length / 5);
    const oldLeads = new Set(account.leads.filter(l => l.created_at < YEAR_AGO).map(l => l.id));
    expect(
      changes.some(event => event.created_at >= YEAR_AGO && oldLeads.has(event.entity_id)),
    ).toBe(true);
    expect(account.events[0]!.created_at).toBe(first);
    expect(account.events.at(-1)!.created_at).toBeLessThanOrEqual(NOW);
  });

  it('still imports its old deals in the first weeks of its history', () => {
    const imported = account.leads.filter(lead => lead.tags.some(tag => tag.name === 'импорт'));
    expect(imported.length).toBeGreaterThan(0);
    for (const lead of imported) expect(lead.created_at - first).toBeLessThan(14 * DAY);
  });
});
