import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { STATUS_IDS } from '../../../support/demo';
import {
  createHarness,
  demoPipelineData,
  hintText,
  renderPanel,
  reportReady,
  stageDealsReady,
} from './harness';
import type { Harness } from './harness';

let h: Harness;
afterEach(() => {
  cleanup();
  h.dispose();
});

// A stage of the demo's main pipeline, set apart as a side stage (metrics.md 11.3).
const SIDE = STATUS_IDS.main.open[2];

describe('Panel: side stages (metrics.md 11.3)', () => {
  it('lists them apart from the funnel with their own counts, and opens their deals', async () => {
    h = createHarness({ pipeline: { ...demoPipelineData(), sideStageIds: [SIDE] } });
    renderPanel(h);
    const r = await reportReady(h);
    const { t, fmt } = h.env;
    const side = r.sideStages?.[0];
    expect(side?.id).toBe(SIDE);
    if (!side) return;
    // Not a row of the funnel.
    const funnel = screen.getByRole('list', { name: t('fl.panel.funnel.label') });
    expect(within(funnel).queryByText(side.name)).toBeNull();
    const section = screen.getByRole('region', { name: t('fl.panel.side.title') });
    const counts = within(section).getByText(
      t('fl.panel.side.counts', {
        entered: fmt.int(side.entered),
        current: fmt.int(side.current),
        returned: fmt.int(side.returned),
        lost: fmt.int(side.lost),
      }),
    );
    expect(hintText(counts)).toBe(t('fl.metric.sideCounts'));
    expect(side.entered).toBeGreaterThan(0);

    fireEvent.click(
      within(section).getByRole('button', { name: t('fl.panel.side.open', { name: side.name }) }),
    );
    await stageDealsReady(h);
    expect(screen.getByRole('heading', { name: side.name })).toBeTruthy();
    const deals = h.report.stageDeals.value;
    expect(deals.status === 'ok' && deals.data.deals.every(d => d.stageId === SIDE)).toBe(true);
    expect(deals.status === 'ok' && deals.data.deals.length).toBe(side.now.count);
  });

  it('shows no side-stage section when none are set', async () => {
    h = createHarness();
    renderPanel(h);
    await reportReady(h);
    expect(screen.queryByRole('region', { name: h.env.t('fl.panel.side.title') })).toBeNull();
  });
});
