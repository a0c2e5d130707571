import { ApiError } from '../../../../src/api/errors';
import {
  NOT_A_SYNC_BODY,
  parseBody,
  recognizeBody,
  recognizeSyncBody,
} from '../../../../src/cli/bodies/recognize';
import type { BodyKind } from '../../../../src/cli/bodies/recognize';
import {
  clone,
  eventsPage,
  fixture,
  fixtureNames,
  leadsPage,
  rawLead,
  rawStatusEvent,
} from '../../api/helpers';

const KIND_BY_FILE: Record<string, BodyKind | 'unknown'> = {
  'account.json': 'account',
  'kommo_account_partial.json': 'account',
  'pipelines.json': 'pipelines',
  'pipeline.json': 'pipeline',
  'statuses.json': 'statuses',
  'status.json': 'status',
  'leads.json': 'leads',
  'lead.json': 'lead',
  'events.json': 'events',
  'event.json': 'event',
  'users.json': 'users',
  'user.json': 'user',
  'error_400_validation.json': 'error',
  'kommo_error_400_empty.json': 'error',
  'kommo_error_400_validation.json': 'error',
  'kommo_error_401.json': 'error',
  'kommo_error_402.json': 'error',
  'kommo_error_404.json': 'error',
  'kommo_error_422.json': 'error',
  'kommo_error_429.json': 'error',
  'kommo_error_500.json': 'error',
  // Fragments and a body the project does not read.
  'event_values_lead_status_changed.json': 'unknown',
  'event_values_lead_added.json': 'unknown',
  'event_values_entity_responsible_changed.json': 'unknown',
  'event_values_empty_deleted_restored.json': 'unknown',
  'events_types.json': 'unknown',
};

/** A time inside the plausible range (src/api/schemas/numbers.ts). */
const T = 1_732_000_000;

function schemaFailure(run: () => unknown): ApiError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('SCHEMA');
    return error as ApiError;
  }
  throw new Error('expected a SCHEMA error');
}

describe('recognizeBody on the published examples', () => {
  it('covers every fixture file', () => {
    expect(fixtureNames().sort()).toEqual(Object.keys(KIND_BY_FILE).sort());
  });

  it.each(Object.entries(KIND_BY_FILE))('%s is recognised as %s and parses', (name, kind) => {
    const body = fixture(name);
    expect(recognizeBody(body)).toEqual({ kind });
    if (kind !== 'unknown') expect(parseBody(kind, body).kind).toBe(kind);
  });
});

describe('recognizeBody on other shapes', () => {
  const lossReason = { id: 5, name: 'Дорого', sort: 10, created_at: 1, updated_at: 1 };
  it.each<[string, unknown, BodyKind | 'unknown']>([
    ['a loss reason', lossReason, 'loss_reason'],
    [
      'a loss-reasons list',
      { _total_items: 1, _embedded: { loss_reasons: [lossReason] } },
      'loss_reasons',
    ],
    ['our own leads page', leadsPage([rawLead(1)]), 'leads'],
    [
      'a lead with only responsible_user_id',
      { id: 1, status_id: 2, pipeline_id: 3, responsible_user_id: 4 },
      'lead',
    ],
    ['a status-change event', rawStatusEvent('x', 1, 2), 'event'],
    ['a user with only an email', { id: 1, name: 'n', email: 'a@b.c' }, 'user'],
    ['an array', [1, 2], 'unknown'],
    ['null', null, 'unknown'],
    ['a string', 'leads', 'unknown'],
    ['an empty object', {}, 'unknown'],
    ['a list of something else', { _embedded: { contacts: [] } }, 'unknown'],
  ])('%s → %s', (_, body, kind) => {
    expect(recognizeBody(body)).toEqual({ kind });
  });

  it('is loose: broken lists are still recognised by their collection', () => {
    expect(recognizeBody({ _embedded: { leads: 'oops' } })).toEqual({ kind: 'leads' });
    expect(recognizeBody({ _embedded: { events: null } })).toEqual({ kind: 'events' });
    const pipeline = clone(fixture('pipeline.json'));
    pipeline._embedded.statuses = 7;
    expect(recognizeBody(pipeline)).toEqual({ kind: 'pipeline' });
  });
});

describe('parseBody is strict and names the path', () => {
  it('a broken leads list', () => {
    const body = clone(fixture('leads.json'));
    body._embedded.leads[1].status_id = 'x';
    expect(
      schemaFailure(() => parseBody(recognizeBody(body).kind as BodyKind, body)).issues,
    ).toEqual([{ path: '_embedded.leads[1].status_id', message: 'expected number, got string' }]);
  });

  it('a leads list whose collection is not an array', () => {
    expect(
      schemaFailure(() => parseBody('leads', { _embedded: { leads: 'oops' } })).issues,
    ).toEqual([{ path: '_embedded.leads', message: 'expected array, got string' }]);
  });

  it('a malformed status change inside an events list, and as a single event', () => {
    const bad = {
      ...rawStatusEvent('x', 1, T),
      value_before: [{ lead_status: { id: 1, pipeline_id: 'p' } }],
    };
    expect(
      schemaFailure(() => parseBody('events', eventsPage([rawStatusEvent('a', 1, T), bad]))).issues,
    ).toEqual([
      {
        path: '_embedded.events[1].value_before[0].lead_status.pipeline_id',
        message: 'expected number, got string',
      },
    ]);
    expect(schemaFailure(() => parseBody('event', bad)).issues[0]!.path).toBe(
      'value_before[0].lead_status.pipeline_id',
    );
  });

  it('adapts events to status changes and lead deletions, ignoring other types', () => {
    const deleted = {
      ...fixture('event.json'),
      id: 'd',
      type: 'lead_deleted',
      entity_id: 7,
      value_after: [],
    };
    const body = eventsPage([rawStatusEvent('a', 1, T), fixture('event.json'), deleted]);
    const parsed = parseBody('events', body);
    expect(parsed).toEqual({
      kind: 'events',
      events: [
        {
          id: 'a',
          leadId: 1,
          createdAt: T,
          before: { pipelineId: 1, statusId: 20 },
          after: { pipelineId: 1, statusId: 30 },
        },
      ],
      lifecycle: [{ id: 'd', leadId: 7, createdAt: 1888888888, kind: 'deleted' }],
    });
    expect(parseBody('event', fixture('event.json'))).toEqual({
      kind: 'event',
      events: [],
      lifecycle: [],
    });
  });

  it('adapts the other kinds to core values', () => {
    expect(parseBody('statuses', fixture('statuses.json'))).toMatchObject({
      statuses: { length: 5 },
    });
    expect(parseBody('account', fixture('account.json'))).toMatchObject({
      account: { timezone: 'Europe/Moscow' },
    });
    expect(parseBody('error', fixture('kommo_error_429.json'))).toMatchObject({
      error: { status: 429, retryAfter: 300 },
    });
    expect(parseBody('user', fixture('user.json'))).toMatchObject({
      users: [{ id: 185848, isActive: true }],
    });
  });
});

describe('a list without its items is refused, not skipped', () => {
  const page = { _page: 2, _links: { self: { href: 'https://x.amocrm.ru/api/v4/leads?page=2' } } };
  it.each<[string, unknown, string]>([
    ['_embedded null', { ...page, _embedded: null }, 'expected object, got null'],
    ['_embedded missing', page, 'missing (expected object)'],
    ['_embedded an array', { ...page, _embedded: [] }, 'expected object, got array'],
    ['only links', { _links: page._links }, 'missing (expected object)'],
    ['only a total', { _total_items: 3, _embedded: 'leads' }, 'expected object, got string'],
    [
      '_embedded empty',
      { ...page, _embedded: {} },
      'holds no list (expected one of pipelines, leads, events, users, loss_reasons, statuses)',
    ],
  ])('%s: a broken list, refused at _embedded', (_, body, message) => {
    expect(recognizeBody(body)).toEqual({ kind: 'list' });
    expect(schemaFailure(() => parseBody('list', body)).issues).toEqual([
      { path: '_embedded', message },
    ]);
  });

  it('the published leads list with its _embedded gone', () => {
    const body = clone(fixture('leads.json'));
    body._embedded = null;
    expect(recognizeBody(body)).toEqual({ kind: 'list' });
    expect(schemaFailure(() => parseBody('list', body)).issues[0]!.path).toBe('_embedded');
  });

  it('an envelope field broken before _embedded is named first, as the readers do', () => {
    const body = { _page: 'two', _embedded: null };
    expect(schemaFailure(() => parseBody('list', body)).issues).toEqual([
      { path: '_page', message: 'expected number, got string' },
    ]);
  });

  it('an entity that lost its id is still that entity, refused at id', () => {
    const lead = clone(fixture('lead.json'));
    delete lead.id;
    expect(recognizeBody(lead)).toEqual({ kind: 'lead' });
    expect(schemaFailure(() => parseBody('lead', lead)).issues[0]!.path).toBe('id');
  });

  it('a list of collections nobody reads stays unknown, outside a sync folder', () => {
    expect(recognizeBody({ _page: 1, _embedded: { contacts: [] } })).toEqual({ kind: 'unknown' });
    expect(recognizeBody(fixture('events_types.json'))).toEqual({ kind: 'unknown' });
  });
});

describe('recognizeSyncBody: inside a sync folder nothing is skipped', () => {
  it.each<[string, unknown]>([
    ['event types', fixture('events_types.json')],
    ['an array', [1, 2]],
    ['null', null],
    ['an empty object', {}],
    ['a values fragment', fixture('event_values_lead_added.json')],
  ])('%s is refused at the root', (_, body) => {
    expect(schemaFailure(() => recognizeSyncBody(body)).issues).toEqual([
      { path: '', message: NOT_A_SYNC_BODY },
    ]);
  });

  it('every kind the reader reads is recognised as recognizeBody does', () => {
    for (const name of Object.keys(KIND_BY_FILE)) {
      const kind = KIND_BY_FILE[name]!;
      if (kind !== 'unknown') expect(recognizeSyncBody(fixture(name))).toEqual({ kind });
    }
    expect(recognizeSyncBody({ _page: 1, _embedded: null })).toEqual({ kind: 'list' });
  });
});
