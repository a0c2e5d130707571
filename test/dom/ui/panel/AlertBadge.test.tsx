import { cleanup, screen, within } from '@testing-library/preact';
import type { FunnelReport, Lead, StatusChange } from '../../../../src/core';
import { DEFAULT_SETTINGS } from '../../../../src/state/settings';
import { DEMO_NOW, STATUS_IDS, USER_IDS } from '../../../support/demo';
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

const DAY = 86_400;
const LOST = 143;
const [, , , , REQUISITES, CONTRACT] = STATUS_IDS.main.open;

/**
 * A real drop at «Реквизиты получены»: 60 deals of the previous 30 days moved on to the contract
 * within hours, 40 of this period's were lost there.
 */
function dropAtRequisites(): { leads: Lead[]; events: StatusChange[] } {
  const leads: Lead[] = [];
  const events: StatusChange[] = [];
  const ref = (statusId: number) => ({ pipelineId: PID, statusId });
  const add = (id: number, created: number, to: number) => {
    const lost = to === LOST;
    leads.push({
      id,
      name: `Сделка ${id}`,
      pipelineId: PID,
      statusId: to,
      createdAt: created,
      updatedAt: created + 7200,
      closedAt: lost ? created + 7200 : null,
      price: 5000,
      responsibleUserId: USER_IDS.lebedev,
      lossReasonId: null,
      isDeleted: false,
    });
    events.push(
      {
        id: `d${id}a`,
        leadId: id,
        createdAt: created + 3600,
        before: ref(STATUS_IDS.main.incoming),
        after: ref(REQUISITES),
      },
      {
        id: `d${id}b`,
        leadId: id,
        createdAt: created + 7200,
        before: ref(REQUISITES),
        after: ref(to),
      },
    );
  };
  for (let i = 0; i < 60; i++) add(3000 + i, DEMO_NOW - 55 * DAY + i * 600, CONTRACT);
  for (let i = 0; i < 40; i++) add(3100 + i, DEMO_NOW - 20 * DAY + i * 600, LOST);
  return { leads, events };
}

function withDrop(minSample = DEFAULT_SETTINGS.minSample): Harness {
  const base = demoPipelineData();
  const extra = dropAtRequisites();
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
