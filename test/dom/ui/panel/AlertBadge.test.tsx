import { cleanup, screen, within } from '@testing-library/preact';
import type { FunnelReport } from '../../../../src/core';
import { DEFAULT_SETTINGS } from '../../../../src/state/settings';
import { STATUS_IDS } from '../../../support/demo';
import { dropAtRequisites } from '../../../support/drop';
import {
  createHarness,
  demoPipelineData,
  hintText,
  PID,
  renderPanel,
  reportReady,
} from './harness';
import type { Harness } from './harness';

let h: Harness;
afterEach(() => {
  cleanup();
  h.dispose();
});

const [, , , , REQUISITES] = STATUS_IDS.main.open;

function withDrop(minSample = DEFAULT_SETTINGS.minSample): Harness {
  const base = demoPipelineData();
  // The previous 30 days' deals, 55 days back: in the panel's baseline.
  const extra = dropAtRequisites(PID, 55);
  return createHarness({
    pipeline: {
      ...base,
      leads: [...base.leads, ...extra.leads],
      events: [...base.events, ...extra.events],
    },
    settings: { ...DEFAULT_SETTINGS, minSample },
  });
}

const rowsOf = (r: FunnelReport) => {
  const list = screen.getByRole('list', { name: h.env.t('fl.panel.funnel.label') });
  const rows = within(list).getAllByRole('listitem');
  return r.stages.map((s, i) => ({ stage: s, row: rows[i]! }));
};

/** Each row has a badge exactly when the engine flagged its transition, in the right direction. */
function expectBadgesAsFlagged(r: FunnelReport): void {
  const tf = h.env.t;
  for (const { stage, row } of rowsOf(r)) {
    const change = r.alerts?.transitions.find(x => x.fromStageId === stage.id)?.change;
    const badge = row.querySelector('.fl-alert');
    if (!change?.flagged) expect(badge).toBeNull();
    else
      expect(badge?.textContent).toBe(
        tf(change.direction === 'down' ? 'fl.panel.alert.down' : 'fl.panel.alert.up'),
      );
  }
}

describe('Funnel rows: the significant-change badge (metrics.md F.2)', () => {
  it('flags a real drop on its row, with both rates, the difference and its interval', async () => {
    h = withDrop();
    renderPanel(h);
    const r = await reportReady(h);
    const { t, fmt } = h.env;
    const tf = t;
    const alerts = r.alerts!;
    expect(alerts.confidence).toBe(0.95);
    const drop = alerts.transitions.find(x => x.fromStageId === REQUISITES)!;
    expect(drop.change).toMatchObject({ flagged: true, direction: 'down' });
    const change = drop.change!;

    const row = rowsOf(r).find(x => x.stage.id === REQUISITES)!.row;
    const badge = within(row).getByText(tf('fl.panel.alert.down'));
    const hint = hintText(badge);
    expect(hint.split('\n')).toEqual([
      tf('fl.metric.alert'),
      tf('fl.panel.hint.alertCurrent', {
        rate: fmt.percent(change.rate),
        k: fmt.int(drop.current.k),
        n: fmt.int(drop.current.n),
      }),
      tf('fl.panel.hint.alertBaseline', {
        rate: fmt.percent(change.baselineRate),
        k: fmt.int(drop.baseline.k),
        n: fmt.int(drop.baseline.n),
      }),
      tf('fl.panel.hint.alertDifference', {
        difference: fmt.points(change.difference),
        low: fmt.points(change.low),
        high: fmt.points(change.high),
        confidence: fmt.percent(0.95),
      }),
    ]);
    expectBadgesAsFlagged(r);
  });

  it('badges nothing the engine did not flag on the demo as it is', async () => {
    h = createHarness();
    renderPanel(h);
    const r = await reportReady(h);
    expect(r.alerts?.transitions.length).toBe(r.stages.length);
    expectBadgesAsFlagged(r);
  });

  it('never badges a sample below the minimum, however large the drop', async () => {
    h = withDrop(1000);
    renderPanel(h);
    const r = await reportReady(h);
    const drop = r.alerts!.transitions.find(x => x.fromStageId === REQUISITES)!;
    expect(drop.change?.flagged).toBe(false);
    expect(drop.change?.direction).toBe('down');
    expect(document.querySelector('.fl-alert')).toBeNull();
  });
});
