/**
 * The list filters as amoCRM query parameters, and their client-side re-check: lead lists by
 * status pairs and in any order, status changes by their sides — matched again on what came back
 * (a server without the API filter add-on ignores them), never throwing on values nobody has
 * checked yet.
 */
import fc from 'fast-check';
import { eventMatcher, eventQuery, leadMatcher, leadQuery } from '../../../src/api/filters';
import type { EventFilter } from '../../../src/api/filters';
import type { RawEvent } from '../../../src/api';
import { lead } from '../core/builders';

const side = (pipelineId: number, statusId: number) => [
  { lead_status: { id: statusId, pipeline_id: pipelineId } },
];

function statusEvent(before: unknown, after: unknown, over: Partial<RawEvent> = {}): RawEvent {
  return {
    id: 'e',
    type: 'lead_status_changed',
    entity_id: 1,
    entity_type: 'lead',
    created_at: 100,
    created_by: 0,
    account_id: 1,
    value_before: before as RawEvent['value_before'],
    value_after: after as RawEvent['value_after'],
    ...over,
  };
}

describe('leadQuery', () => {
  it('orders by id, oldest first, unless another order is asked', () => {
    expect(leadQuery({})).toEqual([['order[id]', 'asc']]);
    expect(leadQuery({ order: { field: 'created_at', direction: 'desc' } })).toEqual([
      ['order[created_at]', 'desc'],
    ]);
    expect(leadQuery({ order: { field: 'updated_at', direction: 'asc' } })[0]).toEqual([
      'order[updated_at]',
      'asc',
    ]);
  });

  it('sends each status as a pipeline and status pair', () => {
    const query = leadQuery({
      pipelineId: 7,
      statuses: [
        { pipelineId: 7, statusId: 20 },
        { pipelineId: 8, statusId: 142 },
      ],
    });
    expect(query).toEqual([
      ['order[id]', 'asc'],
      ['filter[pipeline_id]', 7],
      ['filter[statuses][0][pipeline_id]', 7],
      ['filter[statuses][0][status_id]', 20],
      ['filter[statuses][1][pipeline_id]', 8],
      ['filter[statuses][1][status_id]', 142],
    ]);
  });
});

describe('leadMatcher', () => {
  it('matches a lead at one of the status pairs, the pipeline included', () => {
    const matches = leadMatcher({ statuses: [{ pipelineId: 7, statusId: 142 }] });
    expect(matches(lead(1, { pipelineId: 7, statusId: 142 }))).toBe(true);
    // 142 is a status of every pipeline: the pair is what counts.
    expect(matches(lead(1, { pipelineId: 8, statusId: 142 }))).toBe(false);
    expect(matches(lead(1, { pipelineId: 7, statusId: 143 }))).toBe(false);
  });

  it('matches any status without a list, none with an empty one', () => {
    expect(leadMatcher({})(lead(1))).toBe(true);
    expect(leadMatcher({ statuses: [] })(lead(1))).toBe(false);
  });
});

describe('eventQuery', () => {
  it('sends the sides as value_after and value_before status pairs', () => {
    const query = eventQuery({
      types: ['lead_status_changed'],
      afterStatuses: [
        { pipelineId: 7, statusId: 20 },
        { pipelineId: 7, statusId: 142 },
      ],
      beforeStatuses: [{ pipelineId: 8, statusId: 30 }],
    });
    expect(query).toEqual([
      ['filter[type]', 'lead_status_changed'],
      ['filter[value_after][leads_statuses][0][pipeline_id]', 7],
      ['filter[value_after][leads_statuses][0][status_id]', 20],
      ['filter[value_after][leads_statuses][1][pipeline_id]', 7],
      ['filter[value_after][leads_statuses][1][status_id]', 142],
      ['filter[value_before][leads_statuses][0][pipeline_id]', 8],
      ['filter[value_before][leads_statuses][0][status_id]', 30],
    ]);
  });
});

describe('eventMatcher', () => {
  const into: EventFilter = {
    types: ['lead_status_changed', 'lead_deleted'],
    afterStatuses: [{ pipelineId: 7, statusId: 20 }],
  };

  it('checks the after side against its pairs', () => {
    const matches = eventMatcher(into);
    expect(matches(statusEvent(side(8, 1), side(7, 20)))).toBe(true);
    expect(matches(statusEvent(side(8, 1), side(8, 20)))).toBe(false);
    expect(matches(statusEvent(side(7, 20), side(7, 21)))).toBe(false);
  });

  it('checks both sides when both are given', () => {
    const out = eventMatcher({
      types: ['lead_status_changed'],
      beforeStatuses: [{ pipelineId: 7, statusId: 20 }],
      afterStatuses: [{ pipelineId: 8, statusId: 1 }],
    });
    expect(out(statusEvent(side(7, 20), side(8, 1)))).toBe(true);
    expect(out(statusEvent(side(7, 20), side(7, 21)))).toBe(false);
    expect(out(statusEvent(side(7, 21), side(8, 1)))).toBe(false);
    const before = eventMatcher({
      types: ['lead_status_changed'],
      beforeStatuses: [{ pipelineId: 7, statusId: 20 }],
    });
    expect(before(statusEvent(side(7, 20), side(99, 99)))).toBe(true);
  });

  it('by sides, only status changes match (other types have no status sides)', () => {
    const deleted = statusEvent([], [], { type: 'lead_deleted' });
    expect(eventMatcher(into)(deleted)).toBe(false);
    expect(eventMatcher({ types: ['lead_deleted'] })(deleted)).toBe(true);
    // A lead created at a status names it in value_after, but did not change it.
    const added = statusEvent([], side(7, 20), { type: 'lead_added' });
    expect(eventMatcher({ ...into, types: ['lead_added', 'lead_status_changed'] })(added)).toBe(
      false,
    );
  });

  it('still checks type, entity, ids and the created range', () => {
    const e = statusEvent(side(8, 1), side(7, 20));
    const base = { ...into, types: ['lead_status_changed'] };
    expect(eventMatcher({ ...base, types: ['lead_deleted'] })(e)).toBe(false);
    expect(eventMatcher({ ...base, entity: 'lead', entityIds: [2] })(e)).toBe(false);
    expect(eventMatcher({ ...base, createdFrom: 101 })(e)).toBe(false);
    expect(eventMatcher({ ...base, createdTo: 99 })(e)).toBe(false);
    expect(eventMatcher({ ...base, entity: 'lead', entityIds: [1], createdFrom: 100 })(e)).toBe(
      true,
    );
  });

  it('never throws on malformed sides, and never matches them', () => {
    const malformed = [
      undefined,
      null,
      [],
      [null],
      [7],
      ['x'],
      [{}],
      [{ lead_status: null }],
      [{ lead_status: 'x' }],
      [{ lead_status: { id: '20', pipeline_id: 7 } }],
      [{ lead_status: { id: 20 } }],
      [{ lead_status: { pipeline_id: 7 } }],
    ];
    const matches = eventMatcher(into);
    for (const bad of malformed) {
      expect(matches(statusEvent(side(8, 1), bad))).toBe(false);
      expect(() => matches(statusEvent(bad, bad))).not.toThrow();
    }
    const out = eventMatcher({
      types: ['lead_status_changed'],
      beforeStatuses: into.afterStatuses,
    });
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (before, after) => {
        const e = statusEvent(before, after);
        expect(() => matches(e)).not.toThrow();
        expect(() => out(e)).not.toThrow();
      }),
    );
  });
});
