import type { z } from 'zod/mini';
import { readEventList, readLeadList, readLeadPage } from '../../../src/api/pages';
import { parseWith } from '../../../src/api/parse';
import {
  MAX_EPOCH_SECONDS,
  MAX_PRICE,
  MIN_EPOCH_SECONDS,
  RawAccountSchema,
  RawLossReasonSchema,
  RawPipelineSchema,
  RawStatusSchema,
  RawUserSchema,
} from '../../../src/api/schemas';
import { clone, fixture, rawLead, rawStatusEvent } from './helpers';
import { DELETE, mutate, outcome, zodEvents, zodLeads } from './pageBodies';

/**
 * The number rules (src/api/schemas/numbers.ts) field by field, each on the zod path and the
 * hand-written reader, which must refuse the same value at the same path in the same words.
 */

const T = 1_732_000_000;
const LEADS = '/api/v4/leads';
const EVENTS = '/api/v4/events';

const ID = (v: string) => `expected a positive integer id, got ${v}`;
const REF = (v: string) => `expected a non-negative integer id, got ${v}`;
const TIME = (v: string) => `expected whole epoch seconds from 2000-01-01 to 2100-01-01, got ${v}`;
const MS = (v: string) => `${v} looks like milliseconds (expected epoch seconds)`;
const PRICE = (v: string) => `expected a price from 0 to 9007199254740991, got ${v}`;

const leadBody = { _embedded: { leads: [rawLead(1, { created_at: T, updated_at: T + 60 })] } };

function bothLeads(body: unknown) {
  const expected = outcome(() => zodLeads(body, LEADS));
  expect(outcome(() => readLeadList(body, { path: LEADS }))).toEqual(expected);
  return expected;
}

describe('numbers in a lead: refused alike by zod and the reader', () => {
  it.each<[string, unknown, string]>([
    ['id', -5, ID('-5')],
    ['id', 0, ID('0')],
    ['id', 1.5, ID('1.5')],
    ['id', 2 ** 53, ID('9007199254740992')],
    ['pipeline_id', 0, ID('0')],
    ['status_id', -142, ID('-142')],
    ['created_at', 1_732_000_000_000, MS('1732000000000')],
    ['created_at', -1, TIME('-1')],
    ['created_at', 0, TIME('0')],
    ['created_at', 1e20, TIME('100000000000000000000')],
    ['created_at', MIN_EPOCH_SECONDS - 1, TIME('946684799')],
    ['created_at', MAX_EPOCH_SECONDS, TIME('4102444800')],
    ['updated_at', T + 0.5, TIME('1732000000.5')],
    ['closed_at', 1_732_000_000_000, MS('1732000000000')],
    ['closed_at', 0, TIME('0')],
    ['price', -1, PRICE('-1')],
    ['price', 1e308, PRICE('1e+308')],
    ['price', MAX_PRICE + 2, PRICE('9007199254740992')],
    ['responsible_user_id', -1, REF('-1')],
    ['responsible_user_id', 2.5, REF('2.5')],
    ['loss_reason_id', -7, REF('-7')],
  ])('%s = %p: “%s”', (key, value, message) => {
    const body = mutate(leadBody, ['_embedded', 'leads', 0, key], value);
    expect(bothLeads(body)).toEqual({
      requestPath: LEADS,
      first: { path: `_embedded.leads[0].${key}`, message },
    });
  });

  it('a wrong type is still told as a type, before any rule', () => {
    const body = mutate(leadBody, ['_embedded', 'leads', 0, 'created_at'], '1732000000');
    expect(bothLeads(body)).toMatchObject({ first: { message: 'expected number, got string' } });
  });

  it('accepts the bounds, and the zeros amoCRM itself uses', () => {
    const body = mutate(
      mutate(
        mutate(
          mutate(leadBody, ['_embedded', 'leads', 0, 'created_at'], MIN_EPOCH_SECONDS),
          ['_embedded', 'leads', 0, 'updated_at'],
          MAX_EPOCH_SECONDS - 1,
        ),
        ['_embedded', 'leads', 0, 'price'],
        MAX_PRICE,
      ),
      ['_embedded', 'leads', 0, 'responsible_user_id'],
      0,
    );
    expect(bothLeads(body)).toEqual({
      ok: [
        expect.objectContaining({
          createdAt: MIN_EPOCH_SECONDS,
          updatedAt: MAX_EPOCH_SECONDS - 1,
          price: MAX_PRICE,
          responsibleUserId: 0,
        }),
      ],
    });
    expect(bothLeads(mutate(leadBody, ['_embedded', 'leads', 0, 'price'], 0.5))).toHaveProperty(
      'ok',
    );
  });

  it('an embedded loss reason with a bad id fails the union, as a shape', () => {
    const reason = { id: -3, name: 'Дорого' };
    const body = mutate(leadBody, ['_embedded', 'leads', 0, '_embedded'], {
      loss_reason: [reason],
    });
    expect(bothLeads(body)).toEqual({
      requestPath: LEADS,
      first: {
        path: '_embedded.leads[0]._embedded.loss_reason',
        message: 'matches none of the accepted shapes',
      },
    });
  });

  it('an only_deleted item: its id and updated_at follow the same rules', () => {
    const stub = { id: 19619, updated_at: 1_767_312_000_000, is_deleted: true };
    const body = { _embedded: { leads: [stub] } };
    expect(outcome(() => readLeadPage(body, { path: LEADS }))).toEqual({
      requestPath: LEADS,
      first: { path: '_embedded.leads[0].updated_at', message: MS('1767312000000') },
    });
    const noId = { _embedded: { leads: [{ ...stub, id: 0, updated_at: T }] } };
    expect(outcome(() => readLeadPage(noId))).toMatchObject({
      first: { path: '_embedded.leads[0].id', message: ID('0') },
    });
  });
});

describe('numbers in an event: refused alike by zod and the reader', () => {
  const eventBody = { _embedded: { events: [rawStatusEvent('e1', 5, T)] } };
  const at = (...place: (string | number)[]) => ['_embedded', 'events', 0, ...place];
  it.each<[string, (string | number)[], unknown, string]>([
    ['entity_id', at('entity_id'), 0, ID('0')],
    ['created_at', at('created_at'), 1_732_000_000_123, MS('1732000000123')],
    ['created_at', at('created_at'), -T, TIME('-1732000000')],
    ['value_after[0].lead_status.id', at('value_after', 0, 'lead_status', 'id'), -1, ID('-1')],
    [
      'value_before[0].lead_status.pipeline_id',
      at('value_before', 0, 'lead_status', 'pipeline_id'),
      1e20,
      ID('100000000000000000000'),
    ],
  ])('%s = %p: “%s”', (path, place, value, message) => {
    const body = mutate(eventBody, place, value);
    const expected = outcome(() => zodEvents(body, EVENTS));
    expect(expected).toEqual({
      requestPath: EVENTS,
      first: { path: `_embedded.events[0].${path}`, message },
    });
    expect(outcome(() => readEventList(body, { path: EVENTS }))).toEqual(expected);
  });

  it('an event of a type nobody reads is checked too: the page is one body', () => {
    const other = { ...rawStatusEvent('e2', 5, T), type: 'lead_added', created_at: 7 };
    const body = { _embedded: { events: [rawStatusEvent('e1', 5, T), other] } };
    expect(outcome(() => readEventList(body))).toMatchObject({
      first: { path: '_embedded.events[1].created_at', message: TIME('7') },
    });
  });
});

describe('numbers in the small bodies (zod only)', () => {
  function firstIssue(schema: z.ZodMiniType, body: unknown) {
    return outcome(() => parseWith(schema, body));
  }

  it.each<[string, z.ZodMiniType, string, (string | number)[], unknown, string]>([
    ['pipeline', RawPipelineSchema, 'pipeline.json', ['id'], 0, ID('0')],
    [
      'pipeline',
      RawPipelineSchema,
      'pipeline.json',
      ['_embedded', 'statuses', 1, 'pipeline_id'],
      -1,
      ID('-1'),
    ],
    ['status', RawStatusSchema, 'status.json', ['id'], 1.25, ID('1.25')],
    ['user', RawUserSchema, 'user.json', ['id'], -185848, ID('-185848')],
    ['account', RawAccountSchema, 'account.json', ['current_user_id'], 0, ID('0')],
    [
      'account',
      RawAccountSchema,
      'account.json',
      ['_embedded', 'users_groups', 0, 'id'],
      -1,
      REF('-1'),
    ],
  ])('%s at %j = %p: “%s”', (_, schema, file, place, value, message) => {
    const issue = firstIssue(schema, mutate(fixture(file), place, value));
    expect(issue).toMatchObject({ first: { message } });
  });

  it('group 0 (the account example) and a loss reason without dates pass', () => {
    expect(firstIssue(RawAccountSchema, fixture('account.json'))).toHaveProperty('ok');
    const user = clone(fixture('user.json'));
    user.rights.group_id = 0;
    expect(firstIssue(RawUserSchema, user)).toHaveProperty('ok');
    expect(firstIssue(RawLossReasonSchema, { id: 1, name: 'x', created_at: null })).toHaveProperty(
      'ok',
    );
    expect(firstIssue(RawLossReasonSchema, { id: 0, name: 'x' })).toMatchObject({
      first: { path: 'id', message: ID('0') },
    });
  });

  it('a missing number is still "missing", not a rule', () => {
    const body = mutate(fixture('status.json'), ['pipeline_id'], DELETE);
    expect(firstIssue(RawStatusSchema, body)).toMatchObject({
      first: { path: 'pipeline_id', message: 'missing (expected number)' },
    });
  });
});
