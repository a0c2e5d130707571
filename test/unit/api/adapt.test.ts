import {
  adaptAccount,
  adaptLead,
  adaptPipeline,
  adaptProblem,
  adaptStatus,
  adaptStatusChange,
  adaptUser,
} from '../../../src/api/adapt';
import { parseWith } from '../../../src/api/parse';
import {
  LeadStatusValuesSchema,
  RawAccountSchema,
  RawEventSchema,
  RawLeadListSchema,
  RawLeadSchema,
  RawPipelineListSchema,
  RawProblemSchema,
  RawStatusListSchema,
  RawStatusSchema,
  RawUserListSchema,
  RawUserSchema,
} from '../../../src/api/schemas';
import { fixture } from './helpers';

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
      closestTaskAt: null,
    });
  });

  it('adapts a lost lead with its loss reason (embedded as an array)', () => {
    const lead = adaptLead(parseWith(RawLeadSchema, fixture('lead.json')));
    expect(lead).toMatchObject({
      id: 3912171,
      statusId: 143,
      lossReasonId: 4203748,
      closedAt: 1590683337,
      tagIds: [100667],
      closestTaskAt: null,
    });
    expect(lead.fields).toBeUndefined();
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
