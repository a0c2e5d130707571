import type { z } from 'zod/mini';
import {
  adaptAccount,
  adaptLead,
  adaptLossReason,
  adaptPipeline,
  adaptProblem,
  adaptStatus,
  adaptStatusChange,
  adaptUser,
} from '../../../src/api/adapt';
import { ApiError } from '../../../src/api/errors';
import { parseWith } from '../../../src/api/parse';
import {
  LeadStatusValuesSchema,
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

describe('adapters on the published examples', () => {
  it('adapts the pipelines list with statuses in order and colours', () => {
    const list = parseWith(RawPipelineListSchema, fixture('pipelines.json'));
    const [pipeline] = list._embedded.pipelines.map(adaptPipeline);
    expect(pipeline).toMatchObject({
      id: 3177727,
      name: 'Воронка',
      sort: 1,
      isMain: true,
      isArchive: false,
    });
    expect(pipeline!.statuses.map(s => [s.id, s.sort, s.type])).toEqual([
      [32392156, 10, 1],
      [32392159, 20, 0],
      [32392165, 30, 0],
      [142, 10000, 0],
      [143, 11000, 0],
    ]);
    expect(pipeline!.statuses[1]).toEqual({
      id: 32392159,
      pipelineId: 3177727,
      name: 'Первичный контакт',
      sort: 20,
      type: 0,
      color: '#99ccff',
    });
  });

  it('adapts a single status and a statuses list with descriptions', () => {
    expect(adaptStatus(parseWith(RawStatusSchema, fixture('status.json')))).toMatchObject({
      id: 32392159,
      pipelineId: 3177727,
    });
    const list = parseWith(RawStatusListSchema, fixture('statuses.json'));
    expect(list._embedded.statuses.map(adaptStatus)).toHaveLength(5);
  });

  it('adapts the leads list', () => {
    const list = parseWith(RawLeadListSchema, fixture('leads.json'));
    expect(list._embedded.leads.map(adaptLead)[0]).toEqual({
      id: 19619,
      name: 'Сделка для примера',
      pipelineId: 1300,
      statusId: 142,
      createdAt: 1453279607,
      updatedAt: 1502193501,
      closedAt: 1483005931,
      price: 46333,
      responsibleUserId: 123321,
      lossReasonId: null,
      isDeleted: false,
    });
  });

  it('adapts a lost lead with its loss reason (embedded as an array)', () => {
    const lead = adaptLead(parseWith(RawLeadSchema, fixture('lead.json')));
    expect(lead).toMatchObject({
      id: 3912171,
      statusId: 143,
      lossReasonId: 4203748,
      closedAt: 1590683337,
    });
  });

  it('adapts users: group and activity from rights', () => {
    const list = parseWith(RawUserListSchema, fixture('users.json'));
    expect(list._embedded.users.map(adaptUser)).toEqual([
      { id: 123123, name: 'Пользователь для примера 2', groupId: null, isActive: true },
      { id: 321321, name: 'Пользователь для примера 2', groupId: null, isActive: true },
    ]);
    expect(adaptUser(parseWith(RawUserSchema, fixture('user.json'))).id).toBe(185848);
  });

  it('adapts the account with time zone and groups, and the Kommo partial one with currency', () => {
    expect(adaptAccount(parseWith(RawAccountSchema, fixture('account.json')))).toEqual({
      id: 1231414,
      name: 'example',
      subdomain: 'example',
      currentUserId: 581651,
      timezone: 'Europe/Moscow',
      currency: null,
      currencySymbol: null,
      usersGroups: [{ id: 0, name: 'Отдел продаж' }],
    });
    expect(
      adaptAccount(parseWith(RawAccountSchema, fixture('kommo_account_partial.json'))),
    ).toMatchObject({
      timezone: null,
      currency: 'EUR',
      currencySymbol: '€',
      usersGroups: [],
    });
  });

  it('adapts error bodies, including validation errors and retry_after', () => {
    expect(
      adaptProblem(parseWith(RawProblemSchema, fixture('kommo_error_429.json'))),
    ).toMatchObject({
      status: 429,
      retryAfter: 300,
    });
    const validation = adaptProblem(
      parseWith(RawProblemSchema, fixture('kommo_error_400_validation.json')),
    );
    expect(validation.validationErrors.map(e => e.path)).toEqual([
      'custom_fields_values.0.field_id',
      'status_id',
    ]);
    expect(
      adaptProblem(parseWith(RawProblemSchema, fixture('kommo_error_500.json'))),
    ).toMatchObject({
      type: null,
      traceId: '8e9b1e47-1ea4-111f0-a4f9-0031163e1de759',
    });
  });

  it('turns the lead_status_changed fragment into a transition and ignores other types', () => {
    const base = fixture('event.json');
    const change = {
      ...base,
      type: 'lead_status_changed',
      ...fixture('event_values_lead_status_changed.json'),
    };
    expect(adaptStatusChange(parseWith(RawEventSchema, change))).toEqual({
      id: '01pz58t6p04ymgsgfbmfyfy1mf',
      leadId: 26060763,
      createdAt: 1888888888,
      before: { pipelineId: 437642, statusId: 5233224 },
      after: { pipelineId: 437642, statusId: 5233224 },
    });
    expect(adaptStatusChange(parseWith(RawEventSchema, base))).toBeNull();
    expect(() =>
      parseWith(LeadStatusValuesSchema, fixture('event_values_lead_status_changed.json')),
    ).not.toThrow();
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
      created_at: 10,
      updated_at: 20,
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
      createdAt: 10,
      updatedAt: 20,
      closedAt: null,
      price: 0,
      responsibleUserId: 0,
      lossReasonId: null,
      isDeleted: false,
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
    [{ value_before: [] }, 'value_before', 'too few items (at least 1)'],
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
