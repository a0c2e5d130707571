import type { Lead, StatusChange } from '../../../../src/core/types';
import { createDatasetBuilder } from '../../../../src/cli/bodies/dataset';
import { adaptLead } from '../../../../src/api/adapt';
import { parseWith } from '../../../../src/api/parse';
import { RawLeadSchema } from '../../../../src/api/schemas';
import {
  eventsPage,
  fixture,
  fixtureNames,
  leadsPage,
  rawLead,
  rawStatusEvent,
} from '../../api/helpers';

/** Bodies carry real epoch seconds (src/api/schemas/numbers.ts); tests count from here. */
const T0 = 1_600_000_000;

const lead = (id: number, overrides: Record<string, unknown> = {}): Lead =>
  adaptLead(parseWith(RawLeadSchema, rawLead(id, overrides)));

const change = (id: string, leadId: number): StatusChange => ({
  id,
  leadId,
  createdAt: 1,
  before: { pipelineId: 1, statusId: 20 },
  after: { pipelineId: 1, statusId: 30 },
});

describe('createDatasetBuilder', () => {
  it('starts empty', () => {
    expect(createDatasetBuilder().build()).toEqual({
      account: null,
      pipelines: [],
      leads: [],
      events: [],
      lossReasons: [],
      users: [],
    });
  });

  it('keeps the copy of a lead with the larger updatedAt, whatever the order', () => {
    const older = lead(1, { updated_at: T0 + 100, status_id: 20 });
    const newer = lead(1, { updated_at: T0 + 200, status_id: 30 });
    for (const order of [
      [older, newer],
      [newer, older],
    ]) {
      const builder = createDatasetBuilder();
      builder.addLeads(order);
      expect(builder.build().leads).toEqual([newer]);
    }
  });

  it('keeps deleted leads and sorts leads by id', () => {
    const builder = createDatasetBuilder();
    builder.addLeads([lead(3), lead(1, { is_deleted: true }), lead(2)]);
    const built = builder.build();
    expect(built.leads.map(l => [l.id, l.isDeleted])).toEqual([
      [1, true],
      [2, false],
      [3, false],
    ]);
  });

  it('de-duplicates events by their string id, keeping first-seen order', () => {
    const builder = createDatasetBuilder();
    builder.addEvents([change('b', 1), change('a', 1)]);
    builder.addEvents([change('b', 1), change('c', 2)]);
    expect(builder.build().events.map(e => e.id)).toEqual(['b', 'a', 'c']);
  });

  it('hides a lead whose latest lifecycle event is a deletion newer than its state', () => {
    const b = createDatasetBuilder();
    b.addLeads([
      lead(1, { updated_at: T0 + 100 }),
      lead(2, { updated_at: T0 + 100 }),
      lead(3, { updated_at: T0 + 300 }),
    ]);
    b.addLifecycle([
      { id: 'x1', leadId: 1, createdAt: T0 + 200, kind: 'deleted' },
      { id: 'x2', leadId: 2, createdAt: T0 + 200, kind: 'deleted' },
      { id: 'x3', leadId: 2, createdAt: T0 + 250, kind: 'restored' },
      // Deleted, then restored: the restore bumped updated_at past the deletion.
      { id: 'x4', leadId: 3, createdAt: T0 + 200, kind: 'deleted' },
    ]);
    expect(b.build().leads.map(l => [l.id, l.isDeleted])).toEqual([
      [1, true],
      [2, false],
      [3, false],
    ]);
  });

  it('merges overlapping pages of saved bodies', () => {
    const builder = createDatasetBuilder();
    expect(builder.addBody(leadsPage([rawLead(1), rawLead(2, { updated_at: T0 + 100 })]))).toBe(
      'leads',
    );
    builder.addBody(leadsPage([rawLead(2, { updated_at: T0 + 500, price: null }), rawLead(3)]));
    builder.addBody(
      eventsPage([rawStatusEvent('e1', 1, T0 + 10), rawStatusEvent('e2', 2, T0 + 11)]),
    );
    builder.addBody(eventsPage([rawStatusEvent('e2', 2, T0 + 11)]));
    const built = builder.build();
    expect(built.leads.map(l => [l.id, l.updatedAt, l.price])).toEqual([
      [1, 1_700_000_100, 100],
      [2, T0 + 500, 0],
      [3, 1_700_000_100, 100],
    ]);
    expect(built.events.map(e => e.id)).toEqual(['e1', 'e2']);
  });

  it('merges a statuses list and a single status into their pipeline by pipeline_id', () => {
    const builder = createDatasetBuilder();
    builder.addBody(fixture('statuses.json'));
    builder.addBody({ ...fixture('status.json'), name: 'Renamed', sort: 25 });
    builder.addBody(fixture('pipelines.json'));
    const [pipeline] = builder.build().pipelines;
    expect(pipeline).toMatchObject({ id: 3177727, name: 'Воронка', isMain: true });
    // The pipeline body came last, so its copy of status 32392159 wins over the renamed one.
    expect(pipeline!.statuses.map(s => s.id)).toEqual([32392156, 32392159, 32392165, 142, 143]);
    expect(pipeline!.statuses[1]!.name).toBe('Первичный контакт');
  });

  it('a later single status overrides the pipeline copy and re-sorts', () => {
    const builder = createDatasetBuilder();
    builder.addBody(fixture('pipeline.json'));
    builder.addBody({ ...fixture('status.json'), name: 'Renamed', sort: 35 });
    const statuses = builder.build().pipelines[0]!.statuses;
    expect(statuses.map(s => s.id)).toEqual([32392156, 32392165, 32392159, 142, 143]);
    expect(statuses[2]!.name).toBe('Renamed');
  });

  it('keeps statuses whose pipeline body never arrived under a placeholder pipeline', () => {
    const builder = createDatasetBuilder();
    builder.addBody(fixture('statuses.json'));
    expect(builder.build().pipelines).toEqual([
      expect.objectContaining({ id: 3177727, name: '', sort: 0, isMain: false, isArchive: false }),
    ]);
    expect(builder.build().pipelines[0]!.statuses).toHaveLength(5);
  });

  it('merges pipelines by id and orders them by sort', () => {
    const builder = createDatasetBuilder();
    const main = fixture('pipeline.json');
    builder.addBody({ ...main, id: 9, sort: 5, _embedded: { statuses: [] } });
    builder.addBody(main);
    builder.addBody({ ...main, name: 'Новое имя' });
    expect(builder.build().pipelines.map(p => [p.id, p.name, p.statuses.length])).toEqual([
      [3177727, 'Новое имя', 5],
      [9, 'Воронка', 0],
    ]);
  });

  it('takes account, users and loss reasons, ignoring error and unknown bodies', () => {
    const builder = createDatasetBuilder();
    const kinds = fixtureNames().map(name => builder.addBody(fixture(name)));
    expect(kinds).toContain('unknown');
    expect(kinds).toContain('error');
    builder.addBody({
      _embedded: {
        loss_reasons: [
          { id: 2, name: 'b', sort: 2 },
          { id: 1, name: 'a', sort: 1 },
        ],
      },
    });
    const built = builder.build();
    expect(built.account).not.toBeNull();
    expect(built.users.map(u => u.id)).toEqual([123123, 185848, 321321]);
    expect(built.lossReasons.map(r => r.id)).toEqual([1, 2]);
    expect(built.leads.map(l => l.id)).toEqual([3912171, 14460, 19619].sort((a, b) => a - b));
  });

  it('handles a large dump with linear de-duplication', () => {
    const builder = createDatasetBuilder();
    const template = lead(1);
    const leads = Array.from({ length: 100_000 }, (_, i) => ({ ...template, id: i + 1 }));
    builder.addLeads(leads);
    builder.addLeads(leads.slice(0, 50_000));
    const events = Array.from({ length: 200_000 }, (_, i) => change(`e${i}`, (i % 100_000) + 1));
    builder.addEvents(events);
    builder.addEvents(events.slice(100_000));
    const built = builder.build();
    expect(built.leads).toHaveLength(100_000);
    expect(built.events).toHaveLength(200_000);
  });
});
