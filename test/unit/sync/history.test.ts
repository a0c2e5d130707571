/** The data phase a held history is in: none, the window (backfill going on), complete. */
import { phaseOf } from '../../../src/sync';
import type { HistoryState } from '../../../src/sync';
import { START } from '../../../src/sync/load/keyset';
import { FIRST_PAGE } from '../../../src/sync/load/window';

const complete: HistoryState = { from: null, target: null, backfill: null, syncedAt: 5 };

describe('phaseOf', () => {
  it('none without a history, window while a backfill is left, complete once it is not', () => {
    expect(phaseOf(null)).toBe('none');
    const backfill = { to: 5, into: FIRST_PAGE, out: null, closed: START, oldest: null };
    expect(phaseOf({ ...complete, from: 5, backfill })).toBe('window');
    expect(phaseOf(complete)).toBe('complete');
    // Complete down to a horizon: the history starts there and nothing is left to read.
    expect(phaseOf({ ...complete, from: 3, target: 3 })).toBe('complete');
  });
});
