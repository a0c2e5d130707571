import { DEMO_DEFAULT_SEED, PIPELINE_IDS, STATUS_IDS } from '../../../sandbox/demo';
import { plantDrop } from '../../../sandbox/demo/drop';
import { DROP, LOST_POS } from '../../../sandbox/demo/funnel';
import { demoFunnelInput } from '../../../sandbox/demo/funnelInput';
import { planLeads } from '../../../sandbox/demo/leads';
import { Rng } from '../../../sandbox/demo/random';
import { buildReport } from '../../../src/core';
import { resolvePeriod } from '../../../src/state/period';
import { demoAccountAtNow, NOW } from './demoMoves';

/**
 * The demo's planted drop (issue 13, `DROP` in funnel.ts): over the last five weeks most deals
 * that would have moved on from Взяли в работу are lost there, so the significant-changes alert
 * (docs/metrics.md F.2) over the default 30-day window flags that transition, and only it, while
 * Квалифицирован → Отправлено КП stays the weakest link.
 */

const DAY = 86_400;
const [, TAKEN, QUALIFIED] = STATUS_IDS.main.open;

describe('generateDemoAccount: the planted drop', () => {
  it('is flagged by the alerts over the last 30 days, alone and downwards', () => {
    const input = demoFunnelInput(demoAccountAtNow(), PIPELINE_IDS.main);
    const period = resolvePeriod({ kind: 'last_30' }, NOW, 'Europe/Moscow');
    const report = buildReport(input, { ...period, now: NOW, alerts: true });
    const flagged = report.alerts!.transitions.filter(t => t.change?.flagged);
    expect(flagged.map(t => [t.fromStageId, t.toStageId, t.change?.direction])).toEqual([
      [TAKEN, QUALIFIED, 'down'],
    ]);
    const change = flagged[0]!.change!;
    expect(change.baselineRate).toBeGreaterThanOrEqual(0.78);
    expect(change.rate).toBeLessThanOrEqual(0.65);
    expect(change.pValue).toBeLessThan(0.001);
    // The yearly story's weakest link holds in the window too: the drop stays above it.
    expect(report.weakestTransition?.fromStageId).toBe(QUALIFIED);
  });

  it('rewrites only moves on from Взяли в работу inside its span, into a loss at that moment', () => {
    const rng = Rng.streams(DEMO_DEFAULT_SEED, ['timing', 'journeys', 'names', 'misc', 'drop']);
    const plans = planLeads(1500, NOW, 365, rng);
    const before = plans.map(p => JSON.stringify(p.journey));
    const since = NOW - DROP.days * DAY;
    const candidates = plans.filter(
      p =>
        !p.imported &&
        p.journey.steps.some(
          s =>
            s.kind === 'status' &&
            s.at >= since &&
            s.from.pipe === 'main' &&
            s.from.pos === DROP.from &&
            s.to.pipe === 'main' &&
            s.to.pos > DROP.from,
        ),
    );
    const dropped = new Set(plantDrop(plans, NOW, rng.drop));
    // About 1 - keep of the moves on in the span, each drawn on its own.
    expect(dropped.size).toBeGreaterThanOrEqual(10);
    expect(dropped.size / candidates.length).toBeGreaterThan(1 - DROP.keep - 0.15);
    expect(dropped.size / candidates.length).toBeLessThan(1 - DROP.keep + 0.15);
    plans.forEach((plan, i) => {
      const was = JSON.parse(before[i]!) as typeof plan.journey;
      if (!dropped.has(plan)) return expect(JSON.stringify(plan.journey)).toBe(before[i]);
      const { steps } = plan.journey;
      const last = steps[steps.length - 1]!;
      const k = steps.length - 1;
      expect(steps.slice(0, k)).toEqual(was.steps.slice(0, k));
      const original = was.steps[k]!;
      expect(last).toMatchObject({
        kind: 'status',
        at: original.at,
        from: { pipe: 'main', pos: 1 },
      });
      expect(original.kind === 'status' && original.to.pos > DROP.from).toBe(true);
      expect(last.at).toBeGreaterThanOrEqual(since);
      expect(plan.journey.place).toEqual({ pipe: 'main', pos: LOST_POS });
      expect(plan.journey.closedAt).toBe(last.at);
      expect(plan.journey.lossReasonId).not.toBeUndefined();
    });
  });
});
