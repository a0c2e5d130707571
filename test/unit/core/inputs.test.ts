/**
 * Inputs the contract leaves open (docs/metrics.md, extensions: inputs the contract settles), each
 * with the rule chosen and a check that well-formed data keeps the §1–§11 numbers.
 */
import { buildFunnel, buildReport } from '../../../src/core';
import type { Pipeline } from '../../../src/core';
import { A, B, C, input, lead, mv, P, pipelineP, wide } from './builders';

describe('a status whose type is neither 0 nor 1', () => {
  const OTHER = 1009;
  const withOther: Pipeline = {
    ...pipelineP,
    statuses: [
      ...pipelineP.statuses,
      { id: OTHER, pipelineId: P, name: 'Служебный', sort: 25, type: 2, color: null },
    ],
  };

  it('is not a stage, nor the incoming status', () => {
    const funnel = buildFunnel(withOther);
    expect(funnel.stages.map(s => s.id)).toEqual([A, B, C]);
    expect([...funnel.incoming]).not.toContain(OTHER);
  });

  it('holds leads that count as §9 incoming and reach nothing by being there', () => {
    const r = buildReport(
      input([lead(1, { statusId: OTHER }), lead(2, { statusId: B })], [mv(2, 1, A, B)], {
        pipeline: withOther,
      }),
      wide,
    );
    expect(r.stages.map(s => s.id)).toEqual([A, B, C]);
    expect(r.stages.map(s => s.reached)).toEqual([1, 1, 0]);
    expect(r.totals).toMatchObject({ deals: 2, open: 2, incoming: 1 });
    expect(r.incoming.entered).toBe(0);
  });
});
