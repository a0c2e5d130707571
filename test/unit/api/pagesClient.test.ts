import { ApiError } from '../../../src/api/errors';
import { client, drain, eventsPage, leadsPage, ok, rawLead, rawStatusEvent } from './helpers';

/** Bodies carry real epoch seconds (src/api/schemas/numbers.ts); tests count from here. */
const T0 = 1_600_000_000;

/**
 * Paging over the hand-written readers: the matcher filters between checking and adapting, and
 * paging judges "empty" and "repeated" by everything the page listed, kept or not.
 */
describe('the client reads event pages with the matcher in between', () => {
  const types = ['lead_status_changed', 'lead_deleted'];

  it('a page whose events are all filtered out does not end the list', async () => {
    const first = eventsPage([rawStatusEvent('old', 1, T0 + 50)], true);
    const second = eventsPage([rawStatusEvent('new', 1, T0 + 150)]);
    const { api } = client((_, i) => ok(i === 0 ? first : second));
    const { pages, end } = await drain(api.eventPages({ types, createdFrom: T0 + 100 }));
    expect(pages.map(p => p.items.map(c => c.id))).toEqual([[], ['new']]);
    expect(end).toEqual({ reason: 'no_next', pages: 2 });
  });

  it('a dropped event with a broken field still fails the page', async () => {
    const dropped = { ...rawStatusEvent('old', 1, T0 + 50), entity_id: 'x' };
    const { api } = client(() => ok(eventsPage([dropped, rawStatusEvent('new', 1, T0 + 150)])));
    await expect(drain(api.eventPages({ types, createdFrom: T0 + 100 }))).rejects.toMatchObject({
      code: 'SCHEMA',
      path: '/api/v4/events',
      issues: [{ path: '_embedded.events[0].entity_id', message: 'expected number, got string' }],
    });
  });

  it('values are read only for kept events, and an issue names the event’s place in the body', async () => {
    const droppedBadValues = { ...rawStatusEvent('old', 1, T0 + 50), value_before: [] };
    const keptBadValues = { ...rawStatusEvent('new', 1, T0 + 150), value_after: null };
    const deleted = {
      ...rawStatusEvent('del', 2, T0 + 150),
      type: 'lead_deleted',
      value_after: [],
    };
    const pages = [
      eventsPage([droppedBadValues, deleted, rawStatusEvent('ok', 1, T0 + 150)], true),
      eventsPage([droppedBadValues, keptBadValues]),
    ];
    const { api } = client((_, i) => ok(pages[i]));
    const source = api.eventPages({ types, createdFrom: T0 + 100 });
    const page = await source.next();
    expect(page.value).toMatchObject({
      items: [{ id: 'ok' }],
      lifecycle: [{ id: 'del', leadId: 2, kind: 'deleted' }],
    });
    const error: unknown = await source.next().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      path: '/api/v4/events',
      issues: [{ path: '_embedded.events[1].value_after', message: 'expected array, got null' }],
    });
  });

  it('a page of leads all filtered out does not end the list either', async () => {
    const { api } = client((_, i) =>
      ok(leadsPage([rawLead(i + 1, { pipeline_id: i === 0 ? 9 : 1 })], i === 0)),
    );
    const { pages, end } = await drain(api.leadPages({ pipelineId: 1 }));
    expect(pages.map(p => p.items.map(l => l.id))).toEqual([[], [2]]);
    expect(end).toEqual({ reason: 'no_next', pages: 2 });
  });
});
