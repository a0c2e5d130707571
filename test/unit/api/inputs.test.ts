/**
 * Inputs the contract settles (docs/metrics.md, extensions), as the API layer reads them: both
 * the hand-written page readers and the zod path.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { adaptDeletedLead, adaptStatus, adaptStatusChange } from '../../../src/api/adapt';
import { readEventList, readLeadList, readLeadPage } from '../../../src/api/pages';
import { parseWith } from '../../../src/api/parse';
import {
  isDeletedStub,
  RawDeletedLeadSchema,
  RawEventSchema,
  RawStatusSchema,
} from '../../../src/api/schemas';
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

describe('a with=only_deleted leads page', () => {
  const body = JSON.parse(
    readFileSync(join(__dirname, '../../fixtures/hand-written/leads_only_deleted.json'), 'utf8'),
  ) as unknown;

  it('is read as deleted leads, and gives no leads to a reader of leads', () => {
    expect(readLeadPage(body)).toEqual({
      leads: [],
      deleted: [
        { id: 19619, updatedAt: 1_767_312_000 },
        { id: 14460, updatedAt: 1_767_315_600 },
      ],
    });
    expect(readLeadList(body)).toEqual([]);
    const first = (body as { _embedded: { leads: unknown[] } })._embedded.leads[0];
    expect(isDeletedStub(first)).toBe(true);
    expect(adaptDeletedLead(parseWith(RawDeletedLeadSchema, first))).toEqual({
      id: 19619,
      updatedAt: 1_767_312_000,
    });
  });

  it('still refuses a bad id or time, at its path', () => {
    const bad = { _embedded: { leads: [{ id: 1, updated_at: 'x', is_deleted: true }] } };
    expect(() => readLeadPage(bad)).toThrow(expect.objectContaining({ code: 'SCHEMA' }));
    try {
      readLeadPage(bad);
    } catch (error) {
      expect((error as { issues: unknown }).issues).toEqual([
        { path: '_embedded.leads[0].updated_at', message: 'expected number, got string' },
      ]);
    }
  });

  it('is told from a lead missing a field: that is still refused as before', () => {
    const lead = { id: 1, status_id: 2, created_at: 3, updated_at: 4, is_deleted: true };
    expect(isDeletedStub(lead)).toBe(false);
    expect(() => readLeadPage({ _embedded: { leads: [lead] } })).toThrow();
  });
});
