/**
 * The card model over a controlled engine and a stand-in for the data model's engineVersion;
 * one case runs the real in-thread engine over the demo pipeline.
 */
import { signal } from '@preact/signals-core';
import { stageNorms, buildModel, leadJourney } from '../../../src/core';
import type { StageNorm } from '../../../src/core';
import { CardModel } from '../../../src/state/cardModel';
import type { DataModel } from '../../../src/state/dataModel';
import { funnelInputOf } from '../../../src/state/dataModel';
import { createInThreadEngine } from '../../../src/state/engine/engine';
import { EngineError } from '../../../src/state/engine/errors';
import { DEMO_NOW } from '../../support/demo';
import { demoPipelineData } from '../../support/pipelineData';
import { controlledEngine, eventually, settle } from '../../support/stateFakes';

const STUCK = { stuckDaysByStage: { '142': 3 } };
const norms = (n: number) => [{ stageId: n }] as unknown as readonly StageNorm[];

const live: { dispose(): void }[] = [];
afterEach(() => {
  for (const m of live.splice(0)) m.dispose();
});

function setup(leadId = 7) {
  const engineVersion = signal(0);
  const data = { engineVersion } as unknown as DataModel;
  const engine = controlledEngine();
  const time = { now: DEMO_NOW * 1000 + 999 };
  const model = new CardModel({ data, engine, stuck: STUCK, leadId, clock: () => time.now });
  live.push({ dispose: () => model[Symbol.dispose]() });
  return {
    model,
    engine,
    time,
    bump: () => {
      engineVersion.value++;
    },
  };
}

describe('CardModel', () => {
  it('asks nothing until the data model holds data', async () => {
    const s = setup();
    await settle();
    expect(s.engine.journeys).toHaveLength(0);
    expect(s.model.state.value).toEqual({ status: 'idle' });
  });

  it('asks for its lead’s journey at now (in seconds) with the stuck options', async () => {
    const s = setup(7);
    s.bump();
    expect(s.engine.journeys).toHaveLength(1);
    const ask = s.engine.journeys[0]!;
    expect([ask.leadId, ask.now, ask.stuck]).toEqual([7, DEMO_NOW, STUCK]);
    expect(s.model.state.value).toEqual({ status: 'loading', previous: null });
    ask.answer.resolve({ journey: null, norms: norms(1) });
    await settle();
    expect(s.model.state.value).toEqual({ status: 'ok', data: { journey: null, norms: norms(1) } });
  });

  it('recomputes on new data at the new now, dropping the older answer', async () => {
    const s = setup();
    s.bump();
    s.time.now += 3_600_000;
    s.bump();
    expect(s.engine.journeys.map(j => j.now)).toEqual([DEMO_NOW, DEMO_NOW + 3600]);
    s.engine.journeys[1]!.answer.resolve({ journey: null, norms: norms(2) });
    await settle();
    s.engine.journeys[0]!.answer.resolve({ journey: null, norms: norms(1) });
    await settle();
    expect(s.model.state.value).toEqual({ status: 'ok', data: { journey: null, norms: norms(2) } });
  });

  it('shows a failure as an EngineError, keeping the last view', async () => {
    const s = setup();
    s.bump();
    s.engine.journeys[0]!.answer.resolve({ journey: null, norms: norms(1) });
    await settle();
    s.bump();
    s.engine.journeys[1]!.answer.reject(new EngineError('NO_DATA'));
    await settle();
    expect(s.model.state.value).toMatchObject({
      status: 'error',
      error: { name: 'EngineError', code: 'NO_DATA' },
      previous: { journey: null, norms: norms(1) },
    });
  });

  it('ignores an answer that arrives after dispose', async () => {
    const s = setup();
    s.bump();
    s.model[Symbol.dispose]();
    s.engine.journeys[0]!.answer.resolve({ journey: null, norms: norms(1) });
    await settle();
    expect(s.model.state.value).toEqual({ status: 'loading', previous: null });
  });

  it('exposes a read-only state', () => {
    const s = setup();
    expect(() => {
      (s.model.state as { value: unknown }).value = { status: 'idle' };
    }).toThrow();
  });

  it('gives the engine’s journey and norms for a demo deal', async () => {
    const held = demoPipelineData(300);
    const input = funnelInputOf(held)!;
    const engine = createInThreadEngine();
    await engine.load(input);
    const engineVersion = signal(1);
    const lead = held.leads.find(l => !l.closedAt)!;
    const model = new CardModel({
      data: { engineVersion } as unknown as DataModel,
      engine,
      stuck: STUCK,
      leadId: lead.id,
      clock: () => DEMO_NOW * 1000,
    });
    live.push({ dispose: () => model[Symbol.dispose]() }, { dispose: () => engine.dispose() });
    await eventually(() => model.state.value.status === 'ok', 'the journey');
    const core = buildModel(input);
    const expected = stageNorms(core, STUCK);
    expect(model.state.value).toEqual({
      status: 'ok',
      data: { journey: leadJourney(core, lead.id, DEMO_NOW, expected), norms: expected },
    });
  });
});
