/**
 * The lists a pipeline's history is read from: status changes into the pipeline and out of it
 * (together each change touching it, once), and the lead lists of the window, the backfill and
 * a refresh.
 */
import { eventMatcher } from '../../../../src/api/filters';
import type { Pipeline, StatusRef } from '../../../../src/core';
import {
  allStatuses,
  closedBeforeList,
  closedStatuses,
  createdSinceList,
  intoList,
  MAX_OUT_PAIRS,
  openBeforeList,
  openStatuses,
  outList,
  STATUS_CHANGED,
  updatedSinceList,
} from '../../../../src/sync/load/lists';
import { A, B, C, INC, LOST, P, pipelineP, pipelineQ, Q, QINC, WON, X } from '../../core/builders';
import { fakeHistory } from './fakeSource';

const pair = (pipelineId: number, statusId: number): StatusRef => ({ pipelineId, statusId });
const sorted = (list: readonly StatusRef[]) =>
  [...list].sort((a, b) => a.pipelineId - b.pipelineId || a.statusId - b.statusId);

/** A pipeline with `n` open statuses and no 142/143 listed (amoCRM may leave them out). */
function pipelineWith(id: number, n: number): Pipeline {
  const statuses = Array.from({ length: n }, (_, k) => ({
    id: id * 1000 + k,
    pipelineId: id,
    name: `s${k}`,
    sort: k,
    type: 0,
    color: null,
  }));
  return { id, name: `p${id}`, sort: id, isMain: false, isArchive: false, statuses };
}

describe('statuses', () => {
  it('every status of the pipeline, won and lost added when not listed', () => {
    expect(sorted(allStatuses(pipelineP))).toEqual(
      sorted([INC, A, B, C, WON, LOST].map(s => pair(P, s))),
    );
    expect(sorted(allStatuses(pipelineWith(7, 1)))).toEqual([
      pair(7, 142),
      pair(7, 143),
      pair(7, 7000),
    ]);
    expect(sorted(openStatuses(pipelineP))).toEqual(sorted([INC, A, B, C].map(s => pair(P, s))));
    expect(closedStatuses(pipelineP)).toEqual([pair(P, WON), pair(P, LOST)]);
  });
});

describe('intoList / outList', () => {
  it('into: status changes to any status of the pipeline in the range', () => {
    expect(intoList(pipelineP, { from: 10, to: 20 })).toEqual({
      types: STATUS_CHANGED,
      entity: 'lead',
      afterStatuses: allStatuses(pipelineP),
      createdFrom: 10,
      createdTo: 20,
    });
    expect(intoList(pipelineP, { to: 20 }).createdFrom).toBeUndefined();
  });

  it('out: from the pipeline to any status of another one', () => {
    const out = outList(pipelineP, [pipelineP, pipelineQ], { from: 10, to: 20 });
    expect(out).toEqual({
      types: STATUS_CHANGED,
      entity: 'lead',
      beforeStatuses: allStatuses(pipelineP),
      afterStatuses: allStatuses(pipelineQ),
      createdFrom: 10,
      createdTo: 20,
    });
  });

  it('out is null without another pipeline', () => {
    expect(outList(pipelineP, [pipelineP], { to: 20 })).toBeNull();
    expect(outList(pipelineP, [], { to: 20 })).toBeNull();
  });

  it(`asks by the pipeline's side alone above ${MAX_OUT_PAIRS} other statuses (a URL kept short)`, () => {
    // 58 + 142/143 = 60 pairs: still listed; one more status and they are not.
    const at = outList(pipelineP, [pipelineWith(7, MAX_OUT_PAIRS - 2)], { to: 20 });
    expect(at?.afterStatuses).toHaveLength(MAX_OUT_PAIRS);
    const over = outList(pipelineP, [pipelineWith(7, MAX_OUT_PAIRS - 1)], { to: 20 });
    expect(over).not.toBeNull();
    expect(over).not.toHaveProperty('afterStatuses');
    expect(over?.beforeStatuses).toEqual(allStatuses(pipelineP));
  });

  it('into and out together match each change touching the pipeline exactly once', () => {
    const { changes } = fakeHistory(3, 300, 0, 1_000_000);
    const raw = changes.map(e => ({
      id: e.id,
      type: 'lead_status_changed',
      entity_id: e.leadId,
      entity_type: 'lead',
      created_at: e.createdAt,
      created_by: 0,
      account_id: 1,
      value_before: e.before
        ? [{ lead_status: { id: e.before.statusId, pipeline_id: e.before.pipelineId } }]
        : [],
      value_after: [{ lead_status: { id: e.after.statusId, pipeline_id: e.after.pipelineId } }],
    }));
    const range = { from: 0, to: 1_000_000 };
    const into = eventMatcher(intoList(pipelineP, range));
    const out = eventMatcher(outList(pipelineP, [pipelineP, pipelineQ], range)!);
    const kinds = new Set<string>();
    raw.forEach((r, k) => {
      const e = changes[k]!;
      const touches = e.before?.pipelineId === P || e.after.pipelineId === P;
      expect(Number(into(r)) + Number(out(r))).toBe(touches ? 1 : 0);
      kinds.add(`${e.before?.pipelineId}>${e.after.pipelineId}`);
    });
    // The history has every kind: within P, into P, out of P, within Q.
    expect(kinds).toEqual(new Set([`${P}>${P}`, `${Q}>${P}`, `${P}>${Q}`, `${Q}>${Q}`]));
  });
});

describe('lead lists', () => {
  it('window: the pipeline’s leads created from its start on, oldest first', () => {
    expect(createdSinceList(pipelineP, 500)).toEqual({
      filter: { pipelineId: P, createdFrom: 500 },
      field: 'created_at',
      direction: 'asc',
    });
  });

  it('window: its open leads created before, newest first', () => {
    expect(openBeforeList(pipelineP, 500)).toEqual({
      filter: { pipelineId: P, statuses: openStatuses(pipelineP), createdTo: 499 },
      field: 'created_at',
      direction: 'desc',
    });
  });

  it('backfill: its closed leads created before the window, down to the target', () => {
    expect(closedBeforeList(pipelineP, 500)).toEqual({
      filter: { pipelineId: P, statuses: closedStatuses(pipelineP), createdTo: 499 },
      field: 'created_at',
      direction: 'desc',
    });
    expect(closedBeforeList(pipelineP, 500, 100).filter.createdFrom).toBe(100);
  });

  it('refresh: leads of any pipeline updated since, oldest update first', () => {
    expect(updatedSinceList(900)).toEqual({
      filter: { updatedFrom: 900 },
      field: 'updated_at',
      direction: 'asc',
    });
  });

  it('uses the pipeline’s own statuses only', () => {
    const mixed: Pipeline = {
      ...pipelineP,
      statuses: [...pipelineP.statuses, { ...pipelineQ.statuses[1]!, id: X, pipelineId: Q }],
    };
    expect(openStatuses(mixed).some(s => s.statusId === X || s.statusId === QINC)).toBe(false);
  });
});
