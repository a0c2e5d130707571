import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import en from '../../../i18n/en.json';
import { ApiError } from '../../../src/api';
import { CardRoot } from '../../../src/mount/cardRoot';
import { createUiEnv } from '../../../src/mount/host';
import { loadCardBlock } from '../../../src/ui';
import type * as UiModule from '../../../src/ui';
import { WithEnv } from '../../support/env';
import type { FakeHost } from '../../support/fakeHost';
import { fakeHost, HOST_INPUT, MAIN } from '../../support/fakeHost';

// The real chunk loader (jest resolves its dynamic import), watched so a test can make it fail.
jest.mock('../../../src/ui', () => {
  const actual = jest.requireActual<typeof UiModule>('../../../src/ui');
  return { ...actual, loadCardBlock: jest.fn(actual.loadCardBlock) };
});
const load = jest.mocked(loadCardBlock);

afterEach(cleanup);
jest.setTimeout(30_000);

function show(host: FakeHost, leadId: number) {
  const env = createUiEnv(host);
  const view = render(
    <WithEnv env={env}>
      <CardRoot host={host} leadId={leadId} />
    </WithEnv>,
  );
  return { t: env.t, view };
}

const openLead = HOST_INPUT.leads.find(l => l.closedAt === null)!;
const MISSING = 999_999_999;

describe('CardRoot', () => {
  it('reads the lead, then shows its path in its pipeline', async () => {
    const host = fakeHost();
    const { t } = show(host, openLead.id);
    expect(screen.getByText(t('fl.card.loading'))).toBeTruthy();
    expect(await screen.findByText(t('fl.card.path', { pipeline: MAIN.name }))).toBeTruthy();
    expect(host.calls('getLead')).toBe(1);
    // The lead's pipeline got its model: its service synced it from amoCRM.
    expect(host.calls('leadPages')).toBeGreaterThan(0);
    expect(host.timers.live.size).toBeGreaterThan(0);
  });

  it('says a failed fetch of the block’s chunk, and a retry shows the block', async () => {
    load.mockImplementationOnce(() => Promise.reject(new Error('chunk')));
    const host = fakeHost();
    const { t } = show(host, openLead.id);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(t('fl.errors.NETWORK'));
    fireEvent.click(within(alert).getByRole('button', { name: t('fl.common.retry') }));
    expect(await screen.findByText(t('fl.card.path', { pipeline: MAIN.name }))).toBeTruthy();
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('says the deal is not there when amoCRM answers 204, and makes no model', async () => {
    const host = fakeHost();
    const { t, view } = show(host, MISSING);
    const note = await screen.findByText(t('fl.card.leadNotFound'));
    expect(note.className).toBe('fl-muted');
    expect(host.calls('getLead')).toBe(1);
    expect(host.requests.map(r => r.url)).toEqual([`/api/v4/leads/${MISSING}`]);
    expect(host.timers.live.size).toBe(0);
    expect(host.clients()).toBe(1);
    view.unmount();
  });

  it('says so without a raw placeholder: the lead’s pipeline is unknown then', async () => {
    const host = fakeHost();
    const { view } = show(host, MISSING);
    await waitFor(() => expect(host.calls('getLead')).toBe(1));
    await waitFor(() => expect(view.container.textContent).not.toBe(''));
    await waitFor(() =>
      expect(screen.queryByText(createUiEnv(host).t('fl.card.loading'))).toBeNull(),
    );
    expect(view.container.textContent).not.toMatch(/\{\w+\}|fl\.card/);
    expect(en.fl.card.leadNotFound).not.toMatch(/\{\w+\}/);
  });

  it('shows an API failure with a retry that reads the lead again', async () => {
    const host = fakeHost();
    host.fail(new ApiError('FORBIDDEN', { status: 403, path: '/api/v4/leads/1' }));
    const { t } = show(host, openLead.id);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(t('fl.errors.FORBIDDEN', { path: '/api/v4/leads/1' }));
    expect(host.timers.live.size).toBe(0);
    host.fail(null);
    fireEvent.click(within(alert).getByRole('button', { name: t('fl.common.retry') }));
    expect(await screen.findByText(t('fl.card.path', { pipeline: MAIN.name }))).toBeTruthy();
    expect(host.calls('getLead')).toBe(2);
  });

  it('disposes the pipeline model when unmounted', async () => {
    const host = fakeHost();
    const { t, view } = show(host, openLead.id);
    await screen.findByText(t('fl.card.path', { pipeline: MAIN.name }));
    expect(host.bus.listeners()).toBe(1);
    view.unmount();
    expect(host.timers.live.size).toBe(0);
    expect(host.bus.listeners()).toBe(0);
  });
});
