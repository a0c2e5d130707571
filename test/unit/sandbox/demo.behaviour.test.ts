import { HOSTILE_NAMES, PIPELINE_IDS, STATUS_IDS, TAGS } from '../../../sandbox/demo';
import type { DemoLead } from '../../../sandbox/demo';
import { demoAccountAtNow, movesByLead, NOW } from './demoMoves';
import type { Move } from './demoMoves';

/**
 * The messy parts of real amoCRM data the demo must contain, each present in a visible amount,
 * so the engine, the emulator and the UI are exercised on them in every demo and e2e run.
 */

const DAY = 86_400;
const WON = 142;
const LOST = 143;
const MAIN = PIPELINE_IDS.main;
const REPEAT = PIPELINE_IDS.repeat;

const account = demoAccountAtNow();
const movesOf = movesByLead(account);
const allMoves = [...movesOf.values()].flat();

/** Open-stage index in its pipeline; -1 for Неразобранное, null for 142/143. */
function stageIndex(pipeline: number, status: number): number | null {
  const ids = pipeline === MAIN ? STATUS_IDS.main : STATUS_IDS.repeat;
  if (status === ids.incoming) return -1;
  const i = (ids.open as readonly number[]).indexOf(status);
  return i >= 0 ? i : null;
}

const within = (m: Move) => m.from.pipeline === m.to.pipeline;
const openToOpen = (m: Move) =>
  within(m) &&
  stageIndex(m.from.pipeline, m.from.status) !== null &&
  stageIndex(m.to.pipeline, m.to.status) !== null;
const count = <T>(items: readonly T[], test: (item: T) => boolean) => items.filter(test).length;

/** Where the lead was created: its first move's origin, or where it is when it never moved. */
function initial(lead: DemoLead): { pipeline: number; status: number } {
  const first = movesOf.get(lead.id)?.[0];
  return first ? first.from : { pipeline: lead.pipeline_id, status: lead.status_id };
}

describe('the demo account has the messy parts of real data', () => {
  it('starts ~88% of leads in the main pipeline', () => {
    const share = count(account.leads, l => initial(l).pipeline === MAIN) / account.leads.length;
    expect(share).toBeGreaterThan(0.84);
    expect(share).toBeLessThan(0.92);
  });

  it('has skipped stages (forward jumps over a stage)', () => {
    const skips = count(allMoves, m => {
      if (!openToOpen(m)) return false;
      return (
        stageIndex(m.to.pipeline, m.to.status)! > stageIndex(m.from.pipeline, m.from.status)! + 1
      );
    });
    expect(skips).toBeGreaterThan(100);
  });

  it('has backward moves (e.g. Отправлено КП → Квалифицирован)', () => {
    const back = count(allMoves, m => {
      if (!openToOpen(m)) return false;
      return stageIndex(m.to.pipeline, m.to.status)! < stageIndex(m.from.pipeline, m.from.status)!;
    });
    expect(back).toBeGreaterThan(50);
  });

  it('has reopened deals: lost → open, won → open, and lost → won', () => {
    const isOpen = (s: { pipeline: number; status: number }) =>
      s.status !== WON && s.status !== LOST;
    expect(count(allMoves, m => m.from.status === LOST && isOpen(m.to))).toBeGreaterThan(30);
    expect(count(allMoves, m => m.from.status === WON && isOpen(m.to))).toBeGreaterThanOrEqual(1);
    expect(
      count(allMoves, m => m.from.status === LOST && m.to.status === WON),
    ).toBeGreaterThanOrEqual(1);
    // A reopened lost lead that is later won or lost again.
    const closedAgain = [...movesOf.values()].filter(ms => {
      const reopen = ms.findIndex(m => m.from.status === LOST && isOpen(m.to));
      return reopen >= 0 && ms.slice(reopen + 1).some(m => !isOpen(m.to));
    });
    expect(closedAgain.length).toBeGreaterThan(5);
  });

  it('moves deals between pipelines, both ways, and some back again', () => {
    expect(
      count(allMoves, m => m.from.pipeline === MAIN && m.to.pipeline === REPEAT),
    ).toBeGreaterThan(50);
    expect(
      count(allMoves, m => m.from.pipeline === REPEAT && m.to.pipeline === MAIN),
    ).toBeGreaterThan(20);
    const leads = [...movesOf.values()];
    const backAgain = leads.filter(ms => {
      const out = ms.findIndex(m => m.from.pipeline === MAIN && m.to.pipeline === REPEAT);
      return out >= 0 && ms.slice(out + 1).some(m => m.to.pipeline === MAIN);
    });
    expect(backAgain.length).toBeGreaterThan(3);
    const repeatIntoMain = leads.filter(
      ms => ms[0]!.from.pipeline === REPEAT && ms.some(m => m.to.pipeline === MAIN),
    );
    expect(repeatIntoMain.length).toBeGreaterThan(10);
  });

  it('has leads created directly in a later stage, won or lost', () => {
    const starts = account.leads.map(initial).filter(s => s.pipeline === MAIN);
    expect(count(starts, s => (stageIndex(MAIN, s.status) ?? -1) >= 2)).toBeGreaterThan(80);
    expect(count(starts, s => s.status === WON)).toBeGreaterThanOrEqual(3);
    expect(count(starts, s => s.status === LOST)).toBeGreaterThanOrEqual(3);
  });

  it('has old imported deals with no status history at all', () => {
    const imported = account.leads.filter(l => l.tags.some(t => t.id === TAGS.imported.id));
    expect(imported.length).toBeGreaterThanOrEqual(10);
    for (const lead of imported) expect(movesOf.has(lead.id)).toBe(false);
    const first = Math.min(...account.leads.map(l => l.created_at));
    for (const lead of imported) expect(lead.created_at - first).toBeLessThan(14 * DAY);
  });

  it('has deleted leads whose events remain, and one deleted then restored', () => {
    const deleted = account.leads.filter(l => l.is_deleted);
    expect(deleted.length).toBe(18);
    const withEvents = new Set(account.events.map(e => e.entity_id));
    for (const lead of deleted) expect(withEvents.has(lead.id)).toBe(true);
    const restored = account.events.filter(e => e.type === 'lead_restored');
    expect(restored).toHaveLength(1);
    expect(account.leads.find(l => l.id === restored[0]!.entity_id)!.is_deleted).toBe(false);
  });

  it('reassigns some deals to another manager', () => {
    const reassigned = new Set(
      account.events.filter(e => e.type === 'entity_responsible_changed').map(e => e.entity_id),
    );
    expect(reassigned.size).toBeGreaterThan(60);
  });

  it('has open deals stuck for 3-8 weeks, mostly in Отправлено КП and Договор/счет', () => {
    const kp = STATUS_IDS.main.open[3];
    const contract = STATUS_IDS.main.open[5];
    const stuck = account.leads.filter(l => {
      if (l.pipeline_id !== MAIN || l.is_deleted || l.status_id === WON || l.status_id === LOST) {
        return false;
      }
      const last = movesOf.get(l.id)?.at(-1)?.at ?? l.created_at;
      return now(last) >= 21 && now(last) <= 56;
    });
    const inKpOrContract = count(stuck, l => l.status_id === kp || l.status_id === contract);
    expect(inKpOrContract).toBeGreaterThanOrEqual(20);
    expect(inKpOrContract / stuck.length).toBeGreaterThan(0.75);
  });

  it('names exactly one lead with each hostile name, on stuck main-pipeline deals', () => {
    for (const name of HOSTILE_NAMES) {
      const leads = account.leads.filter(l => l.name === name);
      expect(leads).toHaveLength(1);
      const lead = leads[0]!;
      expect(lead.pipeline_id).toBe(MAIN);
      expect(lead.is_deleted).toBe(false);
      expect(now(movesOf.get(lead.id)?.at(-1)?.at ?? lead.created_at)).toBeGreaterThanOrEqual(21);
    }
    const markup = account.leads.filter(l => /[<>&"]/.test(l.name));
    expect(markup.map(l => l.name).sort()).toEqual([...HOSTILE_NAMES].sort());
  });

  it('has realistic Russian deal names, mostly distinct', () => {
    const names = account.leads.map(l => l.name);
    expect(count(names, n => /^(ООО|АО|ПАО) «.+» — .+$|^ИП .+ — .+$/.test(n))).toBeGreaterThan(
      2700,
    );
    expect(new Set(names).size).toBeGreaterThan(2000);
  });

  it('has long-tailed RUB prices rounded to hundreds, some zero', () => {
    const prices = account.leads.map(l => l.price);
    const positive = prices.filter(p => p > 0).sort((a, b) => a - b);
    expect(count(prices, p => p === 0)).toBeGreaterThan(30);
    const mean = positive.reduce((a, b) => a + b, 0) / positive.length;
    expect(mean).toBeGreaterThan(1.3 * positive[positive.length >> 1]!);
    expect(positive.at(-1)).toBeGreaterThan(1_000_000);
  });

  it('keeps events in Moscow office hours mostly, weekends quiet but not empty', () => {
    const local = allMoves.map(m => new Date((m.at + 3 * 3600) * 1000));
    const weekend = count(local, d => d.getUTCDay() === 0 || d.getUTCDay() === 6);
    const office = count(local, d => {
      const day = d.getUTCDay();
      return day !== 0 && day !== 6 && d.getUTCHours() >= 9 && d.getUTCHours() < 19;
    });
    expect(office / local.length).toBeGreaterThan(0.9);
    expect(weekend / local.length).toBeGreaterThan(0.005);
    expect(weekend / local.length).toBeLessThan(0.06);
  });

  it('has a seasonal inflow: spring peak, summer dip, growth over the year', () => {
    const perMonth = new Array<number>(12).fill(0);
    for (const l of account.leads)
      perMonth[new Date((l.created_at + 3 * 3600) * 1000).getUTCMonth()]! += 1;
    const [mar, apr, jul, aug] = [perMonth[2]!, perMonth[3]!, perMonth[6]!, perMonth[7]!];
    expect((mar + apr) / (jul + aug)).toBeGreaterThan(1.25);
    const firstQuarter = account.leads.filter(l => l.created_at < NOW - 270 * DAY).length;
    const lastQuarter = account.leads.filter(l => l.created_at >= NOW - 91 * DAY).length;
    expect(lastQuarter).toBeGreaterThan(firstQuarter);
  });
});

/** Whole days from `t` to the demo's now. */
function now(t: number): number {
  return (NOW - t) / DAY;
}
