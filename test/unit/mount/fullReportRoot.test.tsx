import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { ApiError } from '../../../src/api';
import { buildFunnel } from '../../../src/core';
import { FullReportRoot, offeredPipelines } from '../../../src/mount/fullReportRoot';
import { createUiEnv } from '../../../src/mount/host';
import { DEFAULT_SETTINGS } from '../../../src/state';
import { loadFullReport } from '../../../src/ui';
import type * as UiModule from '../../../src/ui';
import { charts } from '../../support/chartMock';
import { WithEnv } from '../../support/env';
import type { FakeHost } from '../../support/fakeHost';
import { fakeHost, MAIN, PIPELINES } from '../../support/fakeHost';

const [SECOND, , ARCHIVED] = PIPELINES as [
  (typeof PIPELINES)[number],
  unknown,
  (typeof PIPELINES)[number],
];

jest.mock('../../../src/ui/chart/Chart', () =>
  jest.requireActual('../../support/chartMock').chartModuleMock(),
);
// The real chunk loader (jest resolves its dynamic import), watched so a test can make it fail.
jest.mock('../../../src/ui', () => {
  const actual = jest.requireActual<typeof UiModule>('../../../src/ui');
  return { ...actual, loadFullReport: jest.fn(actual.loadFullReport) };
});
const load = jest.mocked(loadFullReport);

afterEach(cleanup);
jest.setTimeout(30_000);

function show(host: FakeHost) {
  const env = createUiEnv(host);
  const view = render(
    <WithEnv env={env}>
      <FullReportRoot host={host} />
    </WithEnv>,
  );
  return { t: env.t, view };
}

const pipelineSelect = (t: ReturnType<typeof createUiEnv>['t']) =>
  screen.findByLabelText<HTMLSelectElement>(t('fl.report.pipeline'));
/** The funnel table's first column: the stages the report was computed for. */
const stageTable = () =>
  screen.findByRole('table', { name: 'Сделки периода по этапам воронки' }, { timeout: 20_000 });

describe('offeredPipelines', () => {
  it('offers every live pipeline, in the list’s order, when settings choose none', () => {
    const host = fakeHost();
    expect(offeredPipelines(host, PIPELINES).map(p => p.id)).toEqual([SECOND.id, MAIN.id]);
  });

  it('offers the pipelines settings choose, archived or not, in the list’s order', () => {
    const host = fakeHost({
      settings: { ...DEFAULT_SETTINGS, pipelines: [ARCHIVED.id, MAIN.id] },
    });
    expect(offeredPipelines(host, PIPELINES).map(p => p.id)).toEqual([MAIN.id, ARCHIVED.id]);
  });

  it('offers nothing when the chosen pipelines are gone', () => {
    const host = fakeHost({ settings: { ...DEFAULT_SETTINGS, pipelines: [1] } });
    expect(offeredPipelines(host, PIPELINES)).toEqual([]);
  });
});

describe('FullReportRoot', () => {
  it('says it is loading, then opens the main pipeline’s report though it is not first', async () => {
    const host = fakeHost({ settings: { ...DEFAULT_SETTINGS, defaultPeriod: 'quarter' } });
    const { t } = show(host);
    expect(screen.getByText(t('fl.report.loading'))).toBeTruthy();
    const select = await pipelineSelect(t);
    expect(load).toHaveBeenCalledTimes(1);
    expect(select.value).toBe(String(MAIN.id));
    expect(screen.getByLabelText<HTMLSelectElement>(t('fl.common.period.label')).value).toBe(
      'quarter',
    );
    expect(
      within(select)
        .getAllByRole('option')
        .map(o => o.textContent),
    ).toEqual([SECOND.name, MAIN.name]);
    expect(host.calls('getPipelines')).toBe(1);
    // The report computes over the main pipeline once its service has synced it.
    const table = await stageTable();
    expect(within(table).getAllByRole('rowheader')[0]?.textContent).toBe(
      buildFunnel(MAIN).stages[0]?.name,
    );
    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain(MAIN.name);
  });

  it('shows a retryable error when the report’s chunk fails to load, and loads it on retry', async () => {
    load.mockRejectedValueOnce(new Error('Loading chunk report failed'));
    const host = fakeHost();
    const { t } = show(host);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(t('fl.report.chunkFailed'));
    expect(screen.queryByLabelText(t('fl.report.pipeline'))).toBeNull();
    fireEvent.click(within(alert).getByRole('button', { name: t('fl.common.retry') }));
    expect(load).toHaveBeenCalledTimes(2);
    expect((await pipelineSelect(t)).value).toBe(String(MAIN.id));
    expect(screen.queryByText(t('fl.report.chunkFailed'))).toBeNull();
    await stageTable();
  });

  it('shows an API failure with a retry that reads the pipelines again', async () => {
    const host = fakeHost();
    host.fail(new ApiError('SERVER', { status: 502, path: '/api/v4/leads/pipelines' }));
    const { t } = show(host);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(t('fl.errors.SERVER', { path: '/api/v4/leads/pipelines' }));
    expect(host.timers.live.size).toBe(0);
    host.fail(null);
    fireEvent.click(within(alert).getByRole('button', { name: t('fl.common.retry') }));
    expect((await pipelineSelect(t)).value).toBe(String(MAIN.id));
    expect(host.calls('getPipelines')).toBe(2);
  });

  it('says there is nothing to report when no pipeline is offered', async () => {
    const host = fakeHost({ settings: { ...DEFAULT_SETTINGS, pipelines: [1] } });
    const { t } = show(host);
    expect(await screen.findByText(t('fl.report.noPipelines'))).toBeTruthy();
    expect(host.timers.live.size).toBe(0);
    expect(host.calls('leadPages')).toBe(0);
  });

  it('switches pipeline from the select, and leaves no model timers when unmounted', async () => {
    const host = fakeHost();
    const { t, view } = show(host);
    const select = await pipelineSelect(t);
    await stageTable();
    await waitFor(() => expect(charts.made.some(c => !c.destroyed)).toBe(true));
    const timers = host.timers.live.size;
    expect(timers).toBeGreaterThan(0);
    fireEvent.change(select, { target: { value: String(SECOND.id) } });
    await waitFor(() => expect(select.value).toBe(String(SECOND.id)));
    // The second pipeline's model replaced the main one's: as many timers, not twice as many.
    expect(host.timers.live.size).toBe(timers);
    expect(host.bus.listeners()).toBe(1);
    await waitFor(
      () => expect(screen.getByRole('heading', { level: 1 }).textContent).toContain(SECOND.name),
      { timeout: 20_000 },
    );
    const table = await stageTable();
    expect(within(table).getAllByRole('rowheader')[0]?.textContent).toBe(
      buildFunnel(SECOND).stages[0]?.name,
    );
    view.unmount();
    expect(host.timers.live.size).toBe(0);
    expect(host.bus.listeners()).toBe(0);
    expect(charts.made.every(c => c.destroyed)).toBe(true);
  });
});
