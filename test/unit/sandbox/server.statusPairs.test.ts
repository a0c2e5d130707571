import {
  DAY,
  LOST,
  P_PARTNERS,
  P_SALES,
  S_CONTACT,
  S_CONTRACT,
  S_TALKS,
  T0,
  WON,
} from './fixtures/account';
import { idsOf, useSandbox } from './fixtures/harness';

/**
 * Several (pipeline, status) pairs at once, as amoCRM's RU docs allow (`filter[statuses]` is an
 * array), combined with the other filters a funnel load sends. A pair may name only a pipeline or
 * only a status; pairs are ORed, everything else is ANDed with them.
 */

type Pair = readonly [pipeline: number | undefined, status: number | undefined];

function pairs(name: string, list: readonly Pair[]): string {
  return list
    .flatMap(([pipeline, status], i) => [
      ...(pipeline === undefined ? [] : [`${name}[${i}][pipeline_id]=${pipeline}`]),
      ...(status === undefined ? [] : [`${name}[${i}][status_id]=${status}`]),
    ])
    .join('&');
}

const CLOSED: readonly Pair[] = [
  [P_SALES, WON],
  [P_SALES, LOST],
  [P_PARTNERS, WON],
  [P_PARTNERS, LOST],
];

describe('GET /api/v4/leads with several filter[statuses] pairs', () => {
  const sandbox = useSandbox();
  const ids = async (query: string) =>
    idsOf(await sandbox().get(`/api/v4/leads?${query}`), 'leads');

  it('ORs the pairs, a pair naming only its pipeline or only its status', async () => {
    expect(await ids(pairs('filter[statuses]', [[P_PARTNERS, undefined]]))).toEqual([
      200005, 200006, 200009,
    ]);
    expect(await ids(pairs('filter[statuses]', [[undefined, WON]]))).toEqual([200003, 200009]);
    expect(
      await ids(
        pairs('filter[statuses]', [
          [P_PARTNERS, undefined],
          [P_SALES, WON],
        ]),
      ),
    ).toEqual([200003, 200005, 200006, 200009]);
  });

  it('ANDs them with created_at, updated_at and pipeline_id', async () => {
    const statuses = pairs('filter[statuses]', CLOSED);
    const created = `filter[created_at][from]=${T0 + 3 * DAY}&filter[created_at][to]=${T0 + 8 * DAY}`;
    expect(await ids(`${statuses}&${created}`)).toEqual([200004, 200006, 200009]);
    expect(await ids(`${statuses}&${created}&filter[updated_at][from]=${T0 + 5 * DAY}`)).toEqual([
      200006, 200009,
    ]);
    expect(await ids(`${statuses}&filter[pipeline_id]=${P_SALES}`)).toEqual([200003, 200004]);
  });

  it('pages the combination with next links and ends with 204', async () => {
    const query = `/api/v4/leads?${pairs('filter[statuses]', CLOSED)}&limit=3`;
    const first = await sandbox().get(query);
    expect(idsOf(first, 'leads')).toEqual([200003, 200004, 200006]);
    expect(first.json()._links.next.href).toContain('page=2');
    const second = await sandbox().get(`${query}&page=2`);
    expect(idsOf(second, 'leads')).toEqual([200009]);
    expect(second.json()._links.next).toBeUndefined();
    expect((await sandbox().get(`${query}&page=3`)).statusCode).toBe(204);
  });
});

describe('GET /api/v4/events with several leads_statuses pairs', () => {
  const sandbox = useSandbox();
  const ids = async (query: string) =>
    idsOf(await sandbox().get(`/api/v4/events?${query}`), 'events');
  const after = (list: readonly Pair[]) => pairs('filter[value_after][leads_statuses]', list);
  const before = (list: readonly Pair[]) => pairs('filter[value_before][leads_statuses]', list);
  const TYPE = 'filter[type]=lead_status_changed';

  it('ORs value_after pairs, ANDed with type and created_at, newest first', async () => {
    expect(await ids(`${TYPE}&${after(CLOSED)}`)).toEqual([
      'ev200009s1',
      'ev200006s2',
      'ev200004s1',
      'ev200003s2',
    ]);
    expect(
      await ids(`${TYPE}&${after(CLOSED)}&filter[created_at][from]=${T0 + 3 * DAY + 1}`),
    ).toEqual(['ev200009s1', 'ev200006s2', 'ev200004s1']);
    expect(await ids(after([[undefined, WON]]))).toEqual(['ev200009s1', 'ev200003s2']);
  });

  it('ORs value_before pairs, ANDed with type and a created_at window', async () => {
    const window = `filter[created_at][from]=${T0 + 2 * DAY}&filter[created_at][to]=${T0 + 6 * DAY}`;
    const left = before([
      [P_SALES, S_CONTACT],
      [P_PARTNERS, S_CONTRACT],
    ]);
    expect(await ids(`${TYPE}&${left}&${window}`)).toEqual([
      'ev200006s2',
      'ev200004s1',
      'ev200003s1',
    ]);
  });

  it('ANDs value_before with value_after, and both with the named leads', async () => {
    const moves = `${before([[P_SALES, S_CONTACT]])}&${after([
      [P_SALES, S_TALKS],
      [P_SALES, LOST],
    ])}`;
    expect(await ids(`${TYPE},lead_added&${moves}`)).toEqual([
      'ev200004s1',
      'ev200003s1',
      'ev200002s1',
    ]);
    const leads = 'filter[entity]=lead&filter[entity_id][]=200003&filter[entity_id][]=200006';
    expect(await ids(`${TYPE}&${leads}&${after(CLOSED)}`)).toEqual(['ev200006s2', 'ev200003s2']);
  });

  it('accepts a single pair without an index', async () => {
    const single = `filter[value_after][leads_statuses][pipeline_id]=${P_SALES}&filter[value_after][leads_statuses][status_id]=${WON}`;
    expect(await ids(`${TYPE}&${single}`)).toEqual(['ev200003s2']);
  });

  it('pages the combination with next links and ends with 204', async () => {
    const query = `/api/v4/events?${TYPE}&${after(CLOSED)}&limit=2`;
    const first = await sandbox().get(query);
    expect(idsOf(first, 'events')).toEqual(['ev200009s1', 'ev200006s2']);
    expect(first.json()._links.next.href).toContain('page=2');
    const second = await sandbox().get(`${query}&page=2`);
    expect(idsOf(second, 'events')).toEqual(['ev200004s1', 'ev200003s2']);
    expect(second.json()._links.next).toBeUndefined();
    expect((await sandbox().get(`${query}&page=3`)).statusCode).toBe(204);
  });
});
