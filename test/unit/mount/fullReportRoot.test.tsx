import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { ApiError } from '../../../src/api';
import { FullReportRoot, offeredPipelines } from '../../../src/mount/fullReportRoot';
import { createUiEnv } from '../../../src/mount/host';
import { DEFAULT_SETTINGS } from '../../../src/state/settings';
import { charts } from '../../support/chartMock';
import { WithEnv } from '../../support/env';
import type { FakeHost } from '../../support/fakeHost';
import { fakeHost, HOST_DATA, MAIN, PIPELINES } from '../../support/fakeHost';

const [SECOND, , ARCHIVED] = PIPELINES as [
  (typeof PIPELINES)[number],
  unknown,
  (typeof PIPELINES)[number],
];

jest.mock('../../../src/ui/chart/Chart', () =>
  jest.requireActual('../../support/chartMock').chartModuleMock(),
);

afterEach(cleanup);

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

describe('offeredPipelines', () => {
  it('offers every live pipeline, in the list’s order, when settings choose none', async () => {
    const host = await fakeHost();
    expect(offeredPipelines(host, PIPELINES).map(p => p.id)).toEqual([SECOND.id, MAIN.id]);
  });

  it('offers the pipelines settings choose, archived or not, in the list’s order', async () => {
    const host = await fakeHost({
      settings: { ...DEFAULT_SETTINGS, pipelines: [ARCHIVED.id, MAIN.id] },
    });
    expect(offeredPipelines(host, PIPELINES).map(p => p.id)).toEqual([MAIN.id, ARCHIVED.id]);
  });

  it('offers nothing when the chosen pipelines are gone', async () => {
    const host = await fakeHost({ settings: { ...DEFAULT_SETTINGS, pipelines: [1] } });
    expect(offeredPipelines(host, PIPELINES)).toEqual([]);
  });
});

describe('FullReportRoot', () => {
  it('says it is loading, then opens the main pipeline’s report though it is not first', async () => {
    const host = await fakeHost({ settings: { ...DEFAULT_SETTINGS, defaultPeriod: 'quarter' } });
    const { t } = show(host);
    expect(screen.getByText(t('fl.report.loading'))).toBeTruthy();
    const select = await pipelineSelect(t);
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
    // The report computes over the cached main pipeline: the stage table shows its stages.
    await waitFor(() =>
      expect(screen.getAllByText(HOST_DATA.pipelines[0]!.statuses[1]!.name).length).toBeGreaterThan(
        0,
      ),
    );
  });

  it('shows an API failure with a retry that reads the pipelines again', async () => {
    const host = await fakeHost({
      script: { fail: new ApiError('SERVER', { status: 502, path: '/api/v4/leads/pipelines' }) },
    });
    const { t } = show(host);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(t('fl.errors.SERVER', { path: '/api/v4/leads/pipelines' }));
    host.setScript({ serve: { data: { ...HOST_DATA, pipelines: PIPELINES } } });
    fireEvent.click(within(alert).getByRole('button', { name: t('fl.common.retry') }));
    expect((await pipelineSelect(t)).value).toBe(String(MAIN.id));
    expect(host.calls('getPipelines')).toBe(2);
  });

  it('says there is nothing to report when no pipeline is offered', async () => {
    const host = await fakeHost({ settings: { ...DEFAULT_SETTINGS, pipelines: [1] } });
    const { t } = show(host);
    expect(await screen.findByText(t('fl.report.noPipelines'))).toBeTruthy();
    expect(host.timers.live.size).toBe(0);
  });

  it('switches pipeline from the select, and leaves no model timers when unmounted', async () => {
    const host = await fakeHost();
    const { t, view } = show(host);
    const select = await pipelineSelect(t);
    await waitFor(() => expect(charts.made.some(c => !c.destroyed)).toBe(true));
    const timers = host.timers.live.size;
    expect(timers).toBeGreaterThan(0);
    fireEvent.change(select, { target: { value: String(SECOND.id) } });
    await waitFor(() => expect(select.value).toBe(String(SECOND.id)));
    // The second pipeline's model replaced the main one's: as many timers, not twice as many.
    expect(host.timers.live.size).toBe(timers);
    view.unmount();
    expect(host.timers.live.size).toBe(0);
    expect(charts.made.every(c => c.destroyed)).toBe(true);
  });
});
