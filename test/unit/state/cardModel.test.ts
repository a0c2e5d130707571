/**
 * The card model over the fake data service (a real model over the demo pipeline answers, held
 * back when a test says so) and a real DataModel over it.
 */
import { buildModel, leadJourney, stageNorms } from '../../../src/core';
import type { JourneyOptions, StuckOptions, WorkingWeek } from '../../../src/core';
import type { CardDeps } from '../../../src/state/cardModel';
import { CardModel } from '../../../src/state/cardModel';
import { DataModel } from '../../../src/state/dataModel';
import type { ServiceStatus } from '../../../src/state/service/types';
import { DEMO_NOW, demoInput } from '../../support/demo';
import { fakeService } from '../../support/fakeService';
import type { FakeService } from '../../support/fakeService';
import { settle } from '../../support/stateFakes';
import { visitsIn } from '../../support/visits';

const input = demoInput();
const core = buildModel(input);
const STUCK: StuckOptions = {
  stuckDaysByStage: { [String(input.pipeline.statuses[1]!.id)]: 3 },
  horizonDays: 180,
};
const open = core.facts.find(f => f.lead.closedAt === null)!.lead;

const live: { dispose(): void }[] = [];
afterEach(() => {
  for (const m of live.splice(0)) m.dispose();
});

const WEEK: WorkingWeek = {
  days: [1, 2, 3, 4, 5],
  hours: [{ from: 540, to: 1080 }],
  timeZone: 'Europe/Moscow',
  holidays: [],
};

const mapStorage = (map: Map<string, string>) => ({
  get: (key: string) => map.get(key) ?? null,
  set: (key: string, value: string) => void map.set(key, value),
});

function setup(
  leadId = open.id,
  status: Partial<ServiceStatus> = {},
  working: Pick<CardDeps, 'workingWeek' | 'prefs'> = {},
) {
  const fake = fakeService(input, status);
  const asked: { leadId: number; now: number; stuck: JourneyOptions }[] = [];
  const service: FakeService = {
    ...fake,
    journey: (id, now, stuck) => {
      asked.push({ leadId: id, now, stuck });
      return fake.journey(id, now, stuck);
    },
  };
  const data = new DataModel({ service, pipelineId: input.pipeline.id });
  const time = { now: DEMO_NOW * 1000 + 999 };
  const model = new CardModel({
    data,
    service,
    stuck: STUCK,
    leadId,
    clock: () => time.now,
    ...working,
  });
  live.push({ dispose: () => model[Symbol.dispose]() }, { dispose: () => data[Symbol.dispose]() });
  const bump = () => service.setStatus({ version: service.status().version + 1 });
  return { model, service, asked, time, bump };
}

/** What the whole account says of a deal at `now`, and that moment; with a week, on its clock. */
const truthAt = (leadId: number, now: number, week: WorkingWeek | null = null) => {
  const asked = week ? { ...STUCK, workingWeek: week, stuckClock: 'working' as const } : STUCK;
  const norms = stageNorms(core, asked, now);
  return {
    journey: leadJourney(core, leadId, now, norms, visitsIn(input, core, leadId) ?? [], week),
    norms,
    now,
  };
};

describe('CardModel', () => {
  it('asks nothing until the service holds numbers', async () => {
    const s = setup(open.id, { version: 0 });
    await settle();
    expect(s.asked).toEqual([]);
    expect(s.model.state.value).toEqual({ status: 'idle' });
    s.bump();
    expect(s.asked).toHaveLength(1);
  });

  it('asks for its deal’s journey at now (in seconds) with the stuck options, and shows it', async () => {
    const s = setup();
    expect(s.asked).toEqual([{ leadId: open.id, now: DEMO_NOW, stuck: STUCK }]);
    expect(s.model.state.value).toEqual({ status: 'loading', previous: null });
    await settle();
    expect(s.model.state.value).toEqual({ status: 'ok', data: truthAt(open.id, DEMO_NOW) });
    const shown = s.model.state.value;
    expect(shown.status === 'ok' && shown.data.journey?.leadId).toBe(open.id);
  });

  it('shows no journey, but the norms, for a deal the pipeline does not hold', async () => {
    const s = setup(1);
    await settle();
    expect(s.model.state.value).toEqual({ status: 'ok', data: truthAt(1, DEMO_NOW) });
    expect(truthAt(1, DEMO_NOW).journey).toBeNull();
  });

  it('asks again on new numbers at the new now, dropping the older answer', async () => {
    const s = setup();
    s.service.hold();
    s.bump();
    s.time.now += 3_600_000;
    s.bump();
    expect(s.asked.map(a => a.now)).toEqual([DEMO_NOW, DEMO_NOW, DEMO_NOW + 3600]);
    await s.service.release('desc');
    await settle();
    expect(s.model.state.value).toEqual({ status: 'ok', data: truthAt(open.id, DEMO_NOW + 3600) });
  });

  it('shows a failure as an EngineError, keeping the last view', async () => {
    const s = setup();
    await settle();
    const shown = s.model.state.value;
    if (shown.status !== 'ok') throw new Error('no journey');
    s.service.setModel(null);
    s.bump();
    await settle();
    expect(s.model.state.value).toMatchObject({
      status: 'error',
      error: { name: 'EngineError', code: 'NO_DATA' },
      previous: shown.data,
    });
  });

  it('ignores an answer that arrives after dispose', async () => {
    const s = setup(open.id, { version: 0 });
    s.service.hold();
    s.bump();
    s.model[Symbol.dispose]();
    await s.service.release();
    await settle();
    expect(s.model.state.value).toEqual({ status: 'loading', previous: null });
    s.bump();
    expect(s.asked).toHaveLength(1);
  });

  it('offers no working-hours switch without a working week', () => {
    const prefs = new Map([['prefs:1:card:working', '1']]);
    const s = setup(
      open.id,
      {},
      { workingWeek: null, prefs: { storage: mapStorage(prefs), at: 'prefs:1:card' } },
    );
    expect(s.model.workingAvailable.value).toBe(false);
    expect(s.model.working.value).toBe(false);
    s.model.setWorking(true);
    expect(s.model.working.value).toBe(false);
    expect(s.model.workingWeek.value).toBeNull();
    expect(prefs.get('prefs:1:card:working')).toBe('1');
  });

  it('remembers its own working-hours switch, and asks the working clock while it is on', async () => {
    const prefs = new Map<string, string>([['prefs:1:panel:working', '1']]);
    const at = { storage: mapStorage(prefs), at: 'prefs:1:card' };
    const first = setup(open.id, {}, { workingWeek: WEEK, prefs: at });
    expect(first.model.workingAvailable.value).toBe(true);
    // The panel's choice is the panel's: the card starts off until its own is remembered.
    expect(first.model.working.value).toBe(false);
    expect(first.model.workingWeek.value).toBeNull();
    first.model.setWorking(true);
    expect(first.model.working.value).toBe(true);
    expect(first.model.workingWeek.value).toBe(WEEK);
    expect(prefs.get('prefs:1:card:working')).toBe('1');
    // F.1a: switched on, the threshold and "stuck" come from the engine on the working clock.
    expect(first.asked.map(a => a.stuck)).toEqual([
      STUCK,
      { ...STUCK, workingWeek: WEEK, stuckClock: 'working' },
    ]);
    await settle();
    const on = truthAt(open.id, DEMO_NOW, WEEK);
    expect(first.model.state.value).toEqual({ status: 'ok', data: on });
    expect(on.norms.every(n => n.workingThreshold !== undefined)).toBe(true);
    expect(on.journey?.current?.workingHoursInStage).toEqual(expect.any(Number));

    const next = setup(open.id, {}, { workingWeek: WEEK, prefs: at });
    expect(next.model.working.value).toBe(true);
    next.model.setWorking(false);
    expect(next.model.workingWeek.value).toBeNull();
    expect(prefs.get('prefs:1:card:working')).toBe('0');
    // No storage: the switch works for this mount and is forgotten after it.
    const bare = setup(open.id, {}, { workingWeek: WEEK });
    expect(bare.model.working.value).toBe(false);
    bare.model.setWorking(true);
    expect(bare.model.workingWeek.value).toBe(WEEK);
  });

  it('exposes a read-only state', () => {
    const s = setup();
    const before = s.model.state.value;
    expect(() => {
      (s.model.state as { value: unknown }).value = { status: 'idle' };
    }).toThrow();
    expect(s.model.state.value).toBe(before);
  });
});
