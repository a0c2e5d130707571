/** metrics.md 11.3, side stages, by hand: B is made a side stage between A and C. */
import {
  buildFunnel,
  buildModel,
  buildReport,
  packFacts,
  unpackFacts,
  unknownSideStage,
} from '../../../src/core';
import { A, at, B, C, INC, input, lead, LOST, mv, P, pipelineP, WON, wide } from './builders';

const leads = [
  // A → B → C: went on from the side stage, so it returned; reached C.
  lead(1, { statusId: C, updatedAt: at(30) }),
  // A → B, still there: open at a side stage, not incoming; reached A only.
  lead(2, { statusId: B, updatedAt: at(5) }),
  // A → B → lost: lost from the side stage; the lost-from stage falls back to A.
  lead(3, { statusId: LOST, updatedAt: at(20) }),
  // Incoming → B: accepted (a side stage is an open stage of P), reached nothing.
  lead(4, { statusId: B, updatedAt: at(3) }),
  // A → C → won: never at the side stage.
  lead(5, { statusId: WON, updatedAt: at(40) }),
];
const events = [
  mv(1, 10, A, B),
  mv(1, 30, B, C),
  mv(2, 5, A, B),
  mv(3, 4, A, B),
  mv(3, 20, B, LOST),
  mv(4, 3, INC, B),
  mv(5, 2, A, C),
  mv(5, 40, C, WON),
];
const options = { ...wide, now: at(100) };
const side = buildReport({ ...input(leads, events), sideStageIds: [B] }, options);
const plain = buildReport(input(leads, events), options);

describe('side stages (metrics.md 11.3)', () => {
  it('leaves the side stage out of the funnel', () => {
    expect(side.stages.map(s => s.id)).toEqual([A, C]);
    expect(side.options.sideStageIds).toEqual([B]);
    expect(plain.sideStages).toBeUndefined();
    expect(plain.options.sideStageIds).toBeNull();
  });

  it('never lets a visit to it count as passing earlier stages', () => {
    // Without side stages lead 4 reached B, so it passed A (skipped); with B aside it reached nothing.
    expect(plain.stages[0]).toMatchObject({ id: A, reached: 5, skipped: 1 });
    expect(side.stages[0]).toMatchObject({ id: A, reached: 4, skipped: 0, undecided: 1 });
    expect(side.stages[1]).toMatchObject({ id: C, reached: 2, current: 1 });
  });

  it('counts the side stage on its own', () => {
    expect(side.sideStages).toEqual([
      {
        id: B,
        name: 'Квалифицирован',
        entered: 4,
        current: 2,
        returned: 1,
        lost: 1,
        // Completed visits: lead 1 (20 h), lead 3 (16 h).
        time: { samples: 2, medianHours: 18, p90Hours: 19.6 },
        stuck: 0,
        stuckThresholdHours: 168,
        // Extension: every pipeline lead at it now (leads 2 and 4).
        now: { count: 2, value: 2000 },
        unattended: null,
      },
    ]);
  });

  it('keeps leads at a side stage open and out of the incoming count', () => {
    expect(side.totals).toMatchObject({ deals: 5, won: 1, lost: 1, open: 3, incoming: 0 });
    expect(side.incoming).toMatchObject({ entered: 1, accepted: 1, waiting: 0 });
  });

  it('loses from the fallback stage when the last move into lost came from a side stage', () => {
    expect(side.stages[0]?.lostHere).toBe(1);
  });

  it('gives side stages thresholds and stuck deals', () => {
    const strict = buildReport(
      { ...input(leads, events), sideStageIds: [B] },
      { ...options, stuckDays: 1 },
    );
    // Lead 2 has sat at B since hour 5 and lead 4 since hour 3: both past one day at hour 100.
    expect(strict.stuck.filter(d => d.stageId === B).map(d => d.leadId)).toEqual([4, 2]);
    expect(strict.sideStages?.[0]).toMatchObject({ stuck: 2, stuckThresholdHours: 24 });
  });

  it('forecasts a lead at a side stage with p of the main stage it reached', () => {
    // p(A) = won 1 of closed 2 (leads 5 and 3); lead 2 reached A; lead 4 reached nothing.
    // Lead 1 at C: p(C) = 1 of 1.
    expect(side.forecast.expectedWins).toBeCloseTo(0.5 + 1);
  });

  it('refuses an id that is not an open stage, and packs facts per side-stage set', () => {
    expect(unknownSideStage(pipelineP, [B, WON])).toBe(WON);
    expect(unknownSideStage(pipelineP, [INC])).toBe(INC);
    expect(unknownSideStage(pipelineP, [A, C])).toBeNull();
    const model = buildModel({ ...input(leads, events), sideStageIds: [B] });
    const packed = packFacts(model.funnel, model.facts);
    const byId = new Map(leads.map(l => [l.id, l]));
    expect(unpackFacts(buildFunnel(pipelineP), packed, byId)).toBeNull();
    expect(unpackFacts(buildFunnel(pipelineP, [B]), packed, byId)).toEqual(model.facts);
    expect(P).toBe(model.funnel.pipelineId);
  });
});
