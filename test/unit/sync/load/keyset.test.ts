/**
 * Lead lists read by a moving time boundary: every lead once, in the list's order, whatever
 * second they share or page they fall on, and plain paging from page 1 when the server turns out
 * to ignore the filters or the order.
 */
import type { Lead } from '../../../../src/core';
import type { KeysetCursor } from '../../../../src/sync';
import type { KeysetList } from '../../../../src/sync/load/keyset';
import { keysetPage, START } from '../../../../src/sync/load/keyset';
import { lead, P } from '../../core/builders';
import { fakeSource, leadCalls } from './fakeSource';
import type { FakeOptions } from './fakeSource';

const desc: KeysetList = {
  filter: { pipelineId: P, createdTo: 1000 },
  field: 'created_at',
  direction: 'desc',
};
const asc: KeysetList = {
  filter: { pipelineId: P, createdFrom: 100 },
  field: 'created_at',
  direction: 'asc',
};

const at = (id: number, createdAt: number, over: Partial<Lead> = {}) =>
  lead(id, { createdAt, updatedAt: createdAt, ...over });

async function readAll(
  leads: Lead[],
  list: KeysetList,
  options: FakeOptions = {},
  between?: (step: number, data: { leads?: Lead[] }) => void,
) {
  const fake = fakeSource({ leads }, options);
  const read: Lead[] = [];
  const cursors: KeysetCursor[] = [];
  let cursor = START;
  for (let step = 0; !cursor.done; step++) {
    if (step > 100) throw new Error('does not end');
    const next = await keysetPage(fake.source, list, cursor, undefined);
    read.push(...next.leads);
    cursor = next.cursor;
    cursors.push(cursor);
    between?.(step, fake.data);
  }
  return { read, cursors, calls: leadCalls(fake.calls) };
}

const idsOf = (list: readonly Lead[]) => list.map(l => l.id);

describe('keysetPage', () => {
  it('reads a list newest first by its creation boundary, each lead once', async () => {
    const leads = [1, 2, 3, 4, 5, 6, 7].map(id => at(id, 800 - 100 * id));
    const { read, calls, cursors } = await readAll([...leads, at(8, 1001)], desc, {
      leadPage: 3,
    });
    expect(idsOf(read)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    // Each request repeats the boundary second: the lead there comes again and is dropped.
    expect(calls.map(c => [c.filter.createdTo, c.page])).toEqual([
      [1000, 1],
      [500, 1],
      [300, 1],
    ]);
    expect(calls.every(c => c.filter.order?.direction === 'desc')).toBe(true);
    expect(calls.every(c => c.filter.pipelineId === P)).toBe(true);
    expect(cursors.map(c => c.boundary)).toEqual([500, 300, 100]);
    expect(cursors.at(-1)?.done).toBe(true);
  });

  it('reads a list oldest first by its creation boundary', async () => {
    const leads = [at(1, 50), at(2, 100), at(3, 150), at(4, 300), at(5, 250)];
    const { read, calls } = await readAll(leads, asc, { leadPage: 2 });
    expect(idsOf(read)).toEqual([2, 3, 5, 4]);
    expect(calls.map(c => c.filter.createdFrom)).toEqual([100, 150, 250]);
    expect(calls.every(c => c.filter.order?.field === 'created_at')).toBe(true);
  });

  it('reads by update time from the boundary on', async () => {
    const list: KeysetList = { filter: { updatedFrom: 10 }, field: 'updated_at', direction: 'asc' };
    const leads = [1, 2, 3, 4].map(id => lead(id, { createdAt: 0, updatedAt: 10 * id }));
    const { read, calls } = await readAll(leads, list, { leadPage: 3 });
    expect(idsOf(read)).toEqual([1, 2, 3, 4]);
    expect(calls.map(c => c.filter.updatedFrom)).toEqual([10, 30]);
  });

  it('gives the leads at the boundary second once, though the next request repeats the second', async () => {
    const leads = [at(1, 500), at(2, 400), at(3, 400), at(4, 400), at(5, 300)];
    const { read, cursors, calls } = await readAll(leads, desc, { leadPage: 3 });
    expect(idsOf(read)).toEqual([1, 2, 3, 4, 5]);
    expect(cursors[0]).toEqual({ boundary: 400, atBoundary: [2, 3], done: false });
    expect(calls[1]?.filter.createdTo).toBe(400);
  });

  it('reads a second holding more than a page by page number within it', async () => {
    const same = [10, 11, 12, 13, 14, 15, 16].map(id => at(id, 400));
    const leads = [at(1, 500), ...same, at(2, 300)];
    const { read, cursors, calls } = await readAll(leads, desc, { leadPage: 3 });
    expect(idsOf(read).sort((a, b) => a - b)).toEqual([1, 2, 10, 11, 12, 13, 14, 15, 16]);
    expect(new Set(idsOf(read)).size).toBe(read.length);
    expect(calls.map(c => [c.filter.createdTo, c.page])).toEqual([
      [1000, 1],
      [400, 1],
      [400, 2],
      [400, 3],
    ]);
    expect(cursors.map(c => c.within)).toEqual([undefined, 2, 3, undefined]);
    expect(cursors[2]?.atBoundary).toEqual([10, 11, 12, 13, 14, 15]);
  });

  it('skips no lead when one already read is deleted while the list is read', async () => {
    const leads = [1, 2, 3, 4, 5, 6].map(id => at(id, 700 - 100 * id));
    const { read } = await readAll(leads, desc, { leadPage: 2 }, (step, data) => {
      // After the first page, a lead on it goes: page numbers would now skip one.
      if (step === 0) data.leads = data.leads!.filter(l => l.id !== 1);
    });
    expect(idsOf(read)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('ends at once on an empty list', async () => {
    const { read, cursors } = await readAll([at(1, 2000)], desc);
    expect(read).toEqual([]);
    expect(cursors).toEqual([{ boundary: null, atBoundary: [], done: true }]);
  });

  describe('a server that ignores the filters or the order', () => {
    // Leads of other pipelines and outside the range come back too (returned > items).
    const leads = [
      at(1, 500),
      at(2, 5000),
      at(3, 400, { pipelineId: 999 }),
      at(4, 300),
      at(5, 200),
      at(6, 100),
    ];

    it('is read by page number from page 1, with the list’s filter, each lead once', async () => {
      const { read, cursors, calls } = await readAll(leads, desc, {
        leadPage: 2,
        ignoreFilters: true,
      });
      expect(cursors[0]).toEqual({ ...START, page: 1 });
      expect(idsOf(read).sort()).toEqual([1, 4, 5, 6]);
      expect(calls.map(c => c.page)).toEqual([1, 1, 2, 3]);
      expect(calls.slice(1).every(c => c.filter.order === undefined)).toBe(true);
      expect(calls[1]?.filter).toEqual(desc.filter);
      expect(cursors.at(-1)).toMatchObject({ page: 4, done: true });
    });

    it('is read by page number when the pages come back in another order', async () => {
      // By id these come oldest first: not the newest-first order asked for.
      const byId = [at(1, 100), at(2, 200), at(3, 300), at(4, 400)];
      const { read, cursors, calls } = await readAll(byId, desc, {
        leadPage: 3,
        ignoreOrder: true,
      });
      expect(cursors[0]).toEqual({ ...START, page: 1 });
      expect(idsOf(read)).toEqual([1, 2, 3, 4]);
      expect(calls.map(c => c.page)).toEqual([1, 1, 2]);
    });

    it('ends on a short page', async () => {
      const fake = fakeSource({ leads: [at(1, 500), at(4, 300)] }, { leadPage: 2 });
      const step = await keysetPage(fake.source, desc, { ...START, page: 1 }, undefined);
      expect(step.cursor).toMatchObject({ page: 2, done: true });
    });
  });
});
