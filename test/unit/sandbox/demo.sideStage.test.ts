import { LOSS_REASONS, PIPELINE_IDS, STATUS_IDS } from '../../../sandbox/demo';
import { demoFunnelInput } from '../../../sandbox/demo/funnelInput';
import { buildReport } from '../../../src/core';
import { demoAccountAtNow, movesByLead, NOW } from './demoMoves';

/**
 * The second pipeline's side stage "Недозвон" (metrics.md 11.3): deals parked there from Новый
 * запрос come back, are lost from it or still sit there, and an engine told it is a side stage
 * stops counting them as having passed every earlier stage. The main pipeline is untouched by it
 * (the demo's other tests pin its story; this one pins that only repeat-only deals visit it).
 */

const DAY = 86_400;
const LOST = 143;
const MAIN = PIPELINE_IDS.main;
const REPEAT = PIPELINE_IDS.repeat;
const SIDE = STATUS_IDS.repeat.side;
const [NEW_REQUEST, SELECTION] = STATUS_IDS.repeat.open;

const account = demoAccountAtNow();
const movesOf = movesByLead(account);

const isSide = (p: { pipeline: number; status: number }) =>
  p.pipeline === REPEAT && p.status === SIDE;
const visitors = account.leads.filter(l => movesOf.get(l.id)?.some(m => isSide(m.to)));
const repeatLeads = account.leads.filter(l => l.pipeline_id === REPEAT);
const movesOutOfSide = visitors.flatMap(l => (movesOf.get(l.id) ?? []).filter(m => isSide(m.from)));

describe('generateDemoAccount: the side stage of "Повторные продажи"', () => {
  it('is the open stage "Недозвон", sorted after the real steps and before 142 / 143', () => {
    const repeat = account.pipelines.find(p => p.id === REPEAT)!;
    const side = repeat.statuses.find(s => s.id === SIDE)!;
    expect(side).toMatchObject({ name: 'Недозвон', type: 0, is_editable: true });
    const steps = repeat.statuses.filter(s =>
      (STATUS_IDS.repeat.open as readonly number[]).includes(s.id),
    );
    expect(Math.max(...steps.map(s => s.sort))).toBeLessThan(side.sort);
    expect(side.sort).toBeLessThan(10_000);
    const mainIds = account.pipelines.find(p => p.id === MAIN)!.statuses.map(s => s.id);
    expect(mainIds).not.toContain(SIDE);
  });

  it('is visited by a noticeable share of the pipeline, from Новый запрос, for days', () => {
    const share = visitors.filter(l => l.pipeline_id === REPEAT).length / repeatLeads.length;
    expect(share).toBeGreaterThan(0.15);
    expect(share).toBeLessThan(0.3);
    for (const lead of visitors) {
      const entries = movesOf.get(lead.id)!.filter(m => isSide(m.to));
      expect(entries.map(m => m.from)).toEqual([{ pipeline: REPEAT, status: NEW_REQUEST }]);
    }
    const stays = visitors.flatMap(l => {
      const moves = movesOf.get(l.id)!;
      const i = moves.findIndex(m => isSide(m.to));
      const out = moves[i + 1];
      return out ? [(out.at - moves[i]!.at) / DAY] : [];
    });
    stays.sort((a, b) => a - b);
    const median = stays[Math.floor(stays.length / 2)]!;
    expect(median).toBeGreaterThan(2);
    expect(median).toBeLessThan(8);
  });

  it('has deals that came back (to Новый запрос or on to Подбор решения) and went on', () => {
    const back = movesOutOfSide.filter(m => m.to.status === NEW_REQUEST).length;
    const on = movesOutOfSide.filter(m => m.to.status === SELECTION).length;
    expect(back).toBeGreaterThan(15);
    expect(on).toBeGreaterThan(10);
    const wonAfter = visitors.filter(l => l.status_id === 142).length;
    expect(wonAfter).toBeGreaterThan(10);
  });

  it('has deals lost from it, mostly as "Не дозвонились"', () => {
    const lostFrom = visitors.filter(l => {
      const last = movesOf.get(l.id)!.at(-1)!;
      return l.status_id === LOST && isSide(last.from);
    });
    expect(lostFrom.length).toBeGreaterThan(15);
    const noAnswer = lostFrom.filter(l => l.loss_reason_id === LOSS_REASONS.noAnswer.id).length;
    expect(noAnswer / lostFrom.length).toBeGreaterThan(0.5);
  });

  it('has deals sitting there now, some of them for weeks', () => {
    const sitting = account.leads.filter(l => l.pipeline_id === REPEAT && l.status_id === SIDE);
    expect(sitting.length).toBeGreaterThanOrEqual(3);
    const days = sitting.map(l => (NOW - movesOf.get(l.id)!.at(-1)!.at) / DAY);
    expect(days.filter(d => d >= 14).length).toBeGreaterThanOrEqual(2);
  });

  it('is only ever visited by deals that never touch the main pipeline', () => {
    for (const lead of visitors) {
      expect(lead.pipeline_id).toBe(REPEAT);
      const pipelines = movesOf.get(lead.id)!.flatMap(m => [m.from.pipeline, m.to.pipeline]);
      expect(new Set(pipelines)).toEqual(new Set([REPEAT]));
    }
  });
});

describe("the engine on the demo's second pipeline, with and without --side-stages", () => {
  const input = demoFunnelInput(account, REPEAT);
  const options = { from: NOW - 365 * DAY, to: NOW + 1, now: NOW };
  const together = buildReport(input, options);
  const apart = buildReport({ ...input, sideStageIds: [SIDE] }, options);
  const stage = (report: typeof together, id: number) => report.stages.find(s => s.id === id)!;
  const [, , PROPOSAL, PAID] = STATUS_IDS.repeat.open;

  it('counts a visit there as passing every earlier stage when it is taken for a step', () => {
    expect(together.stages.map(s => s.id)).toContain(SIDE);
    expect(together.sideStages).toBeUndefined();
    expect(apart.stages.map(s => s.id)).toEqual(STATUS_IDS.repeat.open);
    for (const id of [SELECTION, PROPOSAL, PAID]) {
      expect(stage(apart, id).reached).toBeLessThan(stage(together, id).reached);
      expect(stage(apart, id).skipped).toBeLessThan(stage(together, id).skipped);
    }
    // Reach of the last step before it is inflated by a sizeable share of the cohort.
    const inflated = stage(together, PAID).reached - stage(apart, PAID).reached;
    expect(inflated / together.totals.deals).toBeGreaterThan(0.1);
    // The cohort, its outcomes and the first stage do not depend on how the stage is counted.
    expect(apart.totals).toEqual(together.totals);
    expect(stage(apart, NEW_REQUEST).reached).toBe(stage(together, NEW_REQUEST).reached);
  });

  it('reports the side stage apart: entered, returned, lost from it, there now, stuck', () => {
    expect(apart.sideStages).toHaveLength(1);
    const side = apart.sideStages![0]!;
    expect(side).toMatchObject({ id: SIDE, name: 'Недозвон' });
    expect(side.entered / apart.totals.deals).toBeGreaterThan(0.15);
    expect(side.entered / apart.totals.deals).toBeLessThan(0.3);
    expect(side.returned).toBeGreaterThan(side.entered * 0.4);
    expect(side.lost).toBeGreaterThan(side.entered * 0.2);
    expect(side.current).toBeGreaterThanOrEqual(3);
    expect(side.stuck).toBeGreaterThanOrEqual(2);
    expect(side.time.medianHours).toBeGreaterThan(48);
    expect(apart.stuck.filter(s => s.stageId === SIDE)).toHaveLength(side.stuck);
  });
});
