/**
 * Whether a lead is deleted, when its body, a `with=only_deleted` list and its lifecycle events
 * disagree: the latest decides (docs/metrics.md, inputs the contract settles).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDatasetBuilder } from '../../../../src/cli/bodies/dataset';
import { eventsPage, leadsPage, rawLead } from '../../api/helpers';

/** Bodies carry real epoch seconds (src/api/schemas/numbers.ts); tests count from here. */
const T0 = 1_600_000_000;

const onlyDeleted = JSON.parse(
  readFileSync(join(__dirname, '../../../fixtures/hand-written/leads_only_deleted.json'), 'utf8'),
) as unknown;

const lifecycleEvent = (id: string, leadId: number, createdAt: number, type: string) => ({
  id,
  type,
  entity_id: leadId,
  entity_type: 'lead',
  created_at: createdAt,
  value_before: [],
  value_after: [],
});

const deletedOf = (bodies: unknown[]) => {
  const b = createDatasetBuilder();
  for (const body of bodies) b.addBody(body);
  return b.build().leads.map(l => [l.id, l.isDeleted]);
};

describe('a lead_deleted event against a body saying is_deleted: false', () => {
  it('wins when it is later than the body, loses when the body is later', () => {
    const bodies = [
      leadsPage([
        rawLead(1, { updated_at: T0 + 100, is_deleted: false }),
        rawLead(2, { updated_at: T0 + 300, is_deleted: false }),
      ]),
      eventsPage([
        lifecycleEvent('d1', 1, T0 + 200, 'lead_deleted'),
        lifecycleEvent('d2', 2, T0 + 200, 'lead_deleted'),
      ]),
    ];
    const expected = [
      [1, true],
      [2, false],
    ];
    expect(deletedOf(bodies)).toEqual(expected);
    expect(deletedOf([...bodies].reverse())).toEqual(expected);
  });

  it('wins at the same second', () => {
    const bodies = [
      leadsPage([rawLead(1, { updated_at: T0 + 200 })]),
      eventsPage([lifecycleEvent('d1', 1, T0 + 200, 'lead_deleted')]),
    ];
    expect(deletedOf(bodies)).toEqual([[1, true]]);
  });

  it('is undone by a later lead_restored, even over a body saying deleted', () => {
    const bodies = [
      leadsPage([rawLead(1, { updated_at: T0 + 250, is_deleted: true })]),
      eventsPage([
        lifecycleEvent('d1', 1, T0 + 200, 'lead_deleted'),
        lifecycleEvent('r1', 1, T0 + 300, 'lead_restored'),
      ]),
    ];
    expect(deletedOf(bodies)).toEqual([[1, false]]);
  });
});

describe('a with=only_deleted page', () => {
  it('is read, not refused, and removes the leads it lists when it is later than their bodies', () => {
    const b = createDatasetBuilder();
    expect(b.addBody(onlyDeleted)).toBe('leads');
    // Lead 19619 listed as deleted at 1767312000: an older body goes, a newer one (restored) stays.
    b.addBody(
      leadsPage([
        rawLead(19619, { updated_at: 1_767_311_000 }),
        rawLead(14460, { updated_at: 1_767_400_000 }),
        rawLead(5, { updated_at: 1_767_311_000 }),
      ]),
    );
    expect(b.build().leads.map(l => [l.id, l.isDeleted])).toEqual([
      [5, false],
      [14460, false],
      [19619, true],
    ]);
  });
});
