import { generateDemoAccount, PIPELINE_IDS } from '../../../sandbox/demo';

/**
 * The benchmark-sized account (100,000 leads) must generate in seconds, stay well-formed and hold
 * 18 months of history.
 */

const NOW = 1_767_000_000;

describe('a 100,000-lead demo account', () => {
  it('generates in seconds with every lead and a plausible event log', () => {
    const started = performance.now();
    const account = generateDemoAccount({ seed: 42, leads: 100_000, now: NOW });
    const seconds = (performance.now() - started) / 1000;
    // A loose bound: it guards against accidental quadratic work, not against a slow CI machine.
    expect(seconds).toBeLessThan(20);

    expect(account.leads).toHaveLength(100_000);
    const main = account.leads.filter(l => l.pipeline_id === PIPELINE_IDS.main).length;
    expect(main / account.leads.length).toBeGreaterThan(0.8);
    expect(account.events.length).toBeGreaterThan(300_000);
    expect(account.events.length).toBeLessThan(1_000_000);
    expect(new Set(account.events.map(e => e.id)).size).toBe(account.events.length);
    expect(account.events.filter(e => e.type === 'lead_added')).toHaveLength(100_000);
    let ordered = true;
    for (let i = 1; i < account.events.length; i += 1) {
      if (account.events[i]!.created_at < account.events[i - 1]!.created_at) ordered = false;
    }
    expect(ordered).toBe(true);
    expect(account.events.at(-1)!.created_at).toBeLessThanOrEqual(NOW);

    // More than a year of history, so a year-long load has history before it too.
    let first = Infinity;
    let last = -Infinity;
    for (const lead of account.leads) {
      first = Math.min(first, lead.created_at);
      last = Math.max(last, lead.created_at);
    }
    expect((last - first) / 86_400).toBeGreaterThan(540);
    expect(
      (account.events.at(-1)!.created_at - account.events[0]!.created_at) / 86_400,
    ).toBeGreaterThan(540);
  }, 60_000);
});
