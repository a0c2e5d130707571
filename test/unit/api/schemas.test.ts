import type { z } from 'zod/mini';
import {
  adaptLead,
  adaptLossReason,
  adaptPipeline,
  adaptStatus,
  adaptStatusChange,
  adaptUser,
} from '../../../src/api/adapt';
import { ApiError } from '../../../src/api/errors';
import { parseWith } from '../../../src/api/parse';
import {
  RawAccountSchema,
  RawEventListSchema,
  RawEventSchema,
  RawLeadListSchema,
  RawLeadSchema,
  RawLossReasonListSchema,
  RawLossReasonSchema,
  RawPipelineListSchema,
  RawPipelineSchema,
  RawProblemSchema,
  RawStatusListSchema,
  RawStatusSchema,
  RawUserListSchema,
  RawUserSchema,
} from '../../../src/api/schemas';
import { clone, fixture, fixtureNames, rawLead } from './helpers';

/** Bodies carry real epoch seconds (src/api/schemas/numbers.ts); tests count from here. */
const T0 = 1_600_000_000;

/** Every published body and the schema it must pass; fragments and unread bodies are listed too. */
const SCHEMA_BY_FILE: Record<string, z.ZodMiniType | 'fragment' | 'not-read'> = {
  'account.json': RawAccountSchema,
  'kommo_account_partial.json': RawAccountSchema,
  'pipelines.json': RawPipelineListSchema,
  'pipeline.json': RawPipelineSchema,
  'statuses.json': RawStatusListSchema,
  'status.json': RawStatusSchema,
  'leads.json': RawLeadListSchema,
  'lead.json': RawLeadSchema,
  'events.json': RawEventListSchema,
  'event.json': RawEventSchema,
  'users.json': RawUserListSchema,
  'user.json': RawUserSchema,
  'error_400_validation.json': RawProblemSchema,
  'kommo_error_400_empty.json': RawProblemSchema,
  'kommo_error_400_validation.json': RawProblemSchema,
  'kommo_error_401.json': RawProblemSchema,
  'kommo_error_402.json': RawProblemSchema,
  'kommo_error_404.json': RawProblemSchema,
  'kommo_error_422.json': RawProblemSchema,
  'kommo_error_429.json': RawProblemSchema,
  'kommo_error_500.json': RawProblemSchema,
  'event_values_lead_status_changed.json': 'fragment',
  'event_values_lead_added.json': 'fragment',
  'event_values_entity_responsible_changed.json': 'fragment',
  'event_values_empty_deleted_restored.json': 'fragment',
  'events_types.json': 'not-read',
};

function issuesOf(run: () => unknown): { path: string; message: string }[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('SCHEMA');
    return [...(error as ApiError).issues];
  }
  throw new Error('expected a SCHEMA error');
}

describe('published example bodies', () => {
  it('covers every fixture file', () => {
    expect(fixtureNames().sort()).toEqual(Object.keys(SCHEMA_BY_FILE).sort());
  });

  const bodies = Object.entries(SCHEMA_BY_FILE).filter(
    (entry): entry is [string, z.ZodMiniType] => typeof entry[1] !== 'string',
  );
  it.each(bodies)('%s is accepted by its schema', (name, schema) => {
    expect(() => parseWith(schema, fixture(name))).not.toThrow();
  });

  it.each([
    'event_values_lead_added.json',
    'event_values_entity_responsible_changed.json',
    'event_values_empty_deleted_restored.json',
    'event_values_lead_status_changed.json',
  ])('%s fits into an event body', name => {
    const event = { ...fixture('event.json'), ...fixture(name) };
    expect(() => parseWith(RawEventSchema, event)).not.toThrow();
  });
});

describe('tolerance', () => {
  it('ignores unknown fields at every level', () => {
    const body = clone(fixture('leads.json'));
    body.surprise = { nested: true };
    body._embedded.leads[0].price_with_minor_units = 463.33;
    body._embedded.leads[0]._embedded.tags.push({ id: 1, name: 'x', color: '#fff', extra: 1 });
    const parsed = parseWith(RawLeadListSchema, body);
    expect(parsed).not.toHaveProperty('surprise');
    expect(parsed._embedded.leads[0]).not.toHaveProperty('price_with_minor_units');
  });

  it('accepts the documented nulls and absences and adapts them', () => {
    const raw = {
      id: 1,
      pipeline_id: 2,
      status_id: 3,
      created_at: T0 + 10,
      updated_at: T0 + 20,
      price: null,
      loss_reason_id: null,
      closed_at: null,
      closest_task_at: null,
      score: null,
      custom_fields_values: null,
      source_id: null,
      labor_cost: null,
    };
    expect(adaptLead(parseWith(RawLeadSchema, raw))).toEqual({
      id: 1,
      name: '',
      pipelineId: 2,
      statusId: 3,
      createdAt: T0 + 10,
      updatedAt: T0 + 20,
      closedAt: null,
      price: 0,
      responsibleUserId: null,
      lossReasonId: null,
      isDeleted: false,
      closestTaskAt: null,
    });
    const status = { id: 5, pipeline_id: 2, sort: 10, type: 0, color: null };
    expect(adaptStatus(parseWith(RawStatusSchema, status)).color).toBeNull();
    const pipeline = parseWith(RawPipelineSchema, { id: 2 });
    expect(adaptPipeline(pipeline)).toEqual({
      id: 2,
      name: '',
      sort: 0,
      isMain: false,
      isArchive: false,
      statuses: [],
    });
  });

  it('reads the loss reason from _embedded.loss_reason as an array or an object', () => {
    const reason = { id: 77, name: 'Дорого', sort: 1 };
    const asArray = rawLead(1, { loss_reason_id: undefined, _embedded: { loss_reason: [reason] } });
    const asObject = rawLead(1, { loss_reason_id: undefined, _embedded: { loss_reason: reason } });
    const empty = rawLead(1, { loss_reason_id: undefined, _embedded: { loss_reason: [] } });
    expect(adaptLead(parseWith(RawLeadSchema, asArray)).lossReasonId).toBe(77);
    expect(adaptLead(parseWith(RawLeadSchema, asObject)).lossReasonId).toBe(77);
    expect(adaptLead(parseWith(RawLeadSchema, empty)).lossReasonId).toBeNull();
    expect(adaptLossReason(parseWith(RawLossReasonSchema, reason))).toEqual(reason);
  });

  it('accepts a loss-reason list and a user without rights', () => {
    const list = {
      _embedded: { loss_reasons: [{ id: 1, name: 'a', sort: 2, created_at: 1, updated_at: 1 }] },
    };
    expect(
      parseWith(RawLossReasonListSchema, list)._embedded.loss_reasons.map(adaptLossReason),
    ).toEqual([{ id: 1, name: 'a', sort: 2 }]);
    expect(adaptUser(parseWith(RawUserSchema, { id: 9, name: 'n' }))).toEqual({
      id: 9,
      name: 'n',
      groupId: null,
      isActive: true,
    });
  });
});

describe('rejections name the path', () => {
  it('reports a lead with a string status_id inside a list', () => {
    const body = clone(fixture('leads.json'));
    body._embedded.leads[1].status_id = 'x';
    expect(issuesOf(() => parseWith(RawLeadListSchema, body))).toEqual([
      { path: '_embedded.leads[1].status_id', message: 'expected number, got string' },
    ]);
  });

  it('reports missing required fields and a wrong loss_reason shape', () => {
    const body = clone(fixture('lead.json'));
    delete body.updated_at;
    body._embedded.loss_reason = 'gone';
    expect(issuesOf(() => parseWith(RawLeadSchema, body))).toEqual([
      { path: 'updated_at', message: 'missing (expected number)' },
      { path: '_embedded.loss_reason', message: 'expected array or object, got string' },
    ]);
  });

  it('reports a status without sort inside a pipeline list', () => {
    const body = clone(fixture('pipelines.json'));
    delete body._embedded.pipelines[0]._embedded.statuses[3].sort;
    expect(issuesOf(() => parseWith(RawPipelineListSchema, body))).toEqual([
      {
        path: '_embedded.pipelines[0]._embedded.statuses[3].sort',
        message: 'missing (expected number)',
      },
    ]);
  });

  it('rejects numeric event ids', () => {
    const body = clone(fixture('events.json'));
    body._embedded.events[0].id = 42;
    expect(issuesOf(() => parseWith(RawEventListSchema, body))[0]).toEqual({
      path: '_embedded.events[0].id',
      message: 'expected string, got number',
    });
  });

  it.each([
    [
      { value_after: [{ lead_status: { id: '142', pipeline_id: 1 } }] },
      'value_after[0].lead_status.id',
      'expected number, got string',
    ],
    // An empty value_before is read as an unsaid before (test/unit/api/inputs.test.ts).
    [{ value_after: [] }, 'value_after', 'too few items (at least 1)'],
    [
      {
        value_after: [
          { lead_status: { id: 1, pipeline_id: 1 } },
          { lead_status: { id: 2, pipeline_id: 1 } },
        ],
      },
      'value_after',
      'too many items (at most 1)',
    ],
    [{ value_before: undefined }, 'value_before', 'missing (expected array)'],
    [
      { value_after: [{ note: { id: 1 } }] },
      'value_after[0].lead_status',
      'missing (expected object)',
    ],
  ])('rejects malformed lead_status_changed values %#', (patch, path, message) => {
    const event = {
      ...fixture('event.json'),
      type: 'lead_status_changed',
      ...fixture('event_values_lead_status_changed.json'),
      ...patch,
    };
    const raw = parseWith(RawEventSchema, event);
    expect(issuesOf(() => adaptStatusChange(raw))).toEqual([{ path, message }]);
  });
});
