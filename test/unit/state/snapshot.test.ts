/** The stored snapshot's envelope: what is read back, and what is refused without a throw. */
import { buildModel, reportFromModel } from '../../../src/core';
import type { ReportView } from '../../../src/state/service/types';
import {
  readSnapshot,
  readSnapshotHints,
  SNAPSHOT_MAX_AGE_S,
  storageKey,
  writeSnapshot,
} from '../../../src/state/snapshot';
import { DEMO_NOW, demoInput } from '../../support/demo';

const DAY = 86_400;
const input = demoInput();
const report = reportFromModel(buildModel(input), {
  from: DEMO_NOW - 30 * DAY,
  to: DEMO_NOW,
  now: DEMO_NOW,
});
const view: ReportView = { report, lists: 'none', leadNames: {}, departures: [] };
const AT = storageKey({ accountId: 1, userId: 2, pipelineId: 3 });

function storage(initial: Record<string, string> = {}) {
  const map = new Map(Object.entries(initial));
  return {
    map,
    get: (key: string) => map.get(key) ?? null,
    set: (key: string, value: string) => void map.set(key, value),
  };
}

describe('report snapshots', () => {
  it('reads back what was written, for the same choices, within a day', () => {
    const s = storage();
    writeSnapshot(s, AT, 'k', view);
    expect(AT).toBe('snapshot:1:2:3');
    expect(readSnapshot(s, AT, 'k', DEMO_NOW + 60)).toEqual({ at: DEMO_NOW, view });
    expect(readSnapshot(s, AT, 'other', DEMO_NOW)).toBeNull();
    expect(readSnapshot(s, AT, 'k', DEMO_NOW + SNAPSHOT_MAX_AGE_S + 1)).toBeNull();
    // A clock set back is no reason to trust numbers "from the future".
    expect(readSnapshot(s, AT, 'k', DEMO_NOW - 1)).toBeNull();
  });

  it('leaves the filter’s choices out: the filter waits for the current report', () => {
    const s = storage();
    const facets = { tags: [{ id: 7, count: 3 }], fields: [] };
    writeSnapshot(s, AT, 'k', { ...view, facets });
    expect(s.map.get(AT)).not.toContain('"facets"');
    expect(readSnapshot(s, AT, 'k', DEMO_NOW)?.view.facets).toBeUndefined();
  });

  it('keeps the stages’ departures for the settings, whatever the period and age', () => {
    const s = storage();
    const departures = [{ stageId: 5, leaves: 12, back: 3, lost: 6, suggested: true }];
    writeSnapshot(s, AT, 'k', { ...view, departures });
    expect(readSnapshotHints(s, AT)?.departures).toEqual(departures);
    expect(readSnapshotHints(s, AT)?.at).toBe(DEMO_NOW);
    // A snapshot written before departures existed reads with none.
    const older = Object.fromEntries(Object.entries(view).filter(([k]) => k !== 'departures'));
    s.set(AT, JSON.stringify({ format: 1, key: 'k', view: older }));
    expect(readSnapshotHints(s, AT)?.departures).toEqual([]);
    expect(readSnapshot(s, AT, 'k', DEMO_NOW)?.view.departures).toEqual([]);
    s.set(AT, '{');
    expect(readSnapshotHints(s, AT)).toBeNull();
    expect(readSnapshotHints(storage(), AT)).toBeNull();
  });

  it('gives the learned thresholds only, by stage', () => {
    const s = storage();
    const stages = report.stages.map((stage, i) => ({
      ...stage,
      stuckThresholdHours: 24 * (i + 1),
      stuckThresholdSource: i % 2 === 0 ? ('learned' as const) : ('default' as const),
    }));
    writeSnapshot(s, AT, 'k', { ...view, report: { ...report, stages } });
    const learned = readSnapshotHints(s, AT)?.learned;
    expect(learned).toEqual(
      new Map(
        stages
          .filter(stage => stage.stuckThresholdSource === 'learned')
          .map(stage => [stage.id, stage.stuckThresholdHours]),
      ),
    );
    expect(learned?.size).toBeGreaterThan(0);
  });

  it('never keeps a view with deal lists', () => {
    const s = storage();
    writeSnapshot(s, AT, 'k', { ...view, lists: 'full' });
    expect(s.map.size).toBe(0);
  });

  it.each([
    ['not JSON', '{'],
    ['another format', JSON.stringify({ format: 0, key: 'k', view })],
    [
      'a report without stages',
      JSON.stringify({
        format: 1,
        key: 'k',
        view: { ...view, report: { ...report, stages: null } },
      }),
    ],
    [
      'markup where a number is',
      JSON.stringify({
        format: 1,
        key: 'k',
        view: { ...view, report: { ...report, now: '<b>1</b>' } },
      }),
    ],
    ['no view', JSON.stringify({ format: 1, key: 'k' })],
  ])('refuses %s, quietly', (_, text) => {
    expect(readSnapshot(storage({ [AT]: text }), AT, 'k', DEMO_NOW)).toBeNull();
  });
});
