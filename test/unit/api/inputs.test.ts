/**
 * Inputs the contract settles (docs/metrics.md, extensions), as the API layer reads them: both
 * the hand-written page readers and the zod path.
 */
import { adaptStatus, adaptStatusChange } from '../../../src/api/adapt';
import { readEventList, readLeadList } from '../../../src/api/pages';
import { parseWith } from '../../../src/api/parse';
import { RawEventSchema, RawStatusSchema } from '../../../src/api/schemas';
import { zodEvents, zodLeads } from './pageBodies';

const side = (statusId: number, pipelineId = 10) => [
  { lead_status: { id: statusId, pipeline_id: pipelineId } },
];
const statusEvent = (id: string, before: unknown, after: unknown) => ({
  id,
  type: 'lead_status_changed',
  entity_id: 7,
  entity_type: 'lead',
  created_at: 1_700_000_000,
  value_before: before,
  value_after: after,
});
const page = (...events: unknown[]) => ({ _page: 1, _embedded: { events } });

describe('a status change with an empty value_before', () => {
  const body = page(statusEvent('a', [], side(101)), statusEvent('b', side(101), side(102)));

  it('is read with its before unsaid (null), by the reader and the zod path alike', () => {
    const expected = [
      {
        id: 'a',
        leadId: 7,
        createdAt: 1_700_000_000,
        before: null,
        after: { pipelineId: 10, statusId: 101 },
      },
      {
        id: 'b',
        leadId: 7,
        createdAt: 1_700_000_000,
        before: { pipelineId: 10, statusId: 101 },
        after: { pipelineId: 10, statusId: 102 },
      },
    ];
    expect(readEventList(body).changes).toEqual(expected);
    expect(zodEvents(body).changes).toEqual(expected);
    expect(adaptStatusChange(parseWith(RawEventSchema, statusEvent('a', [], side(101))))).toEqual(
      expected[0],
    );
  });

  it('still needs its value_after, and refuses a before of two items at the same path', () => {
    const noAfter = page(statusEvent('a', [], []));
    const two = page(statusEvent('a', [...side(1), ...side(2)], side(3)));
    for (const bad of [noAfter, two]) {
      const issue = (run: () => unknown) => {
        try {
          run();
        } catch (error) {
          return (error as { issues?: unknown }).issues;
        }
        return 'accepted';
      };
      expect(issue(() => readEventList(bad))).toEqual(issue(() => zodEvents(bad)));
      expect(issue(() => readEventList(bad))).not.toBe('accepted');
    }
  });
});

describe('a status whose type is neither 0 nor 1', () => {
  it('is accepted by the schema and keeps its type', () => {
    const raw = { id: 5, pipeline_id: 10, sort: 30, type: 2, name: 'Служебный' };
    expect(adaptStatus(parseWith(RawStatusSchema, raw)).type).toBe(2);
  });
});

describe('responsible_user_id: null', () => {
  it('is no user (null), not user 0, on the reader and the zod path', () => {
    const raw = {
      id: 1,
      pipeline_id: 10,
      status_id: 101,
      created_at: 1_700_000_000,
      updated_at: 1_700_000_000,
      responsible_user_id: null,
    };
    const body = { _embedded: { leads: [raw, { ...raw, id: 2, responsible_user_id: 0 }] } };
    expect(readLeadList(body).map(l => l.responsibleUserId)).toEqual([null, 0]);
    expect(zodLeads(body).map(l => l.responsibleUserId)).toEqual([null, 0]);
  });
});
