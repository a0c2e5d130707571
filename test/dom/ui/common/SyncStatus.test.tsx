import { act, cleanup, render, screen } from '@testing-library/preact';
import { ApiError } from '../../../../src/api';
import { SyncStatus } from '../../../../src/ui/common';
import { WithEnv } from '../../../support/env';
import { createHarness } from '../panel/harness';
import type { Harness } from '../panel/harness';

let h: Harness;
afterEach(() => {
  cleanup();
  h.dispose();
  jest.useRealTimers();
});

function show(harness: Harness) {
  return render(
    <WithEnv env={harness.env}>
      <SyncStatus data={harness.data} />
    </WithEnv>,
  );
}

describe('SyncStatus', () => {
  it('says nothing is loaded yet when a first sync failed', async () => {
    h = await createHarness({ cached: false, script: { fail: new ApiError('NETWORK') } });
    show(h);
    // The model's side (error NETWORK, status idle) is in test/unit/state/dataModel.test.ts.
    await screen.findByText(h.env.t('fl.common.sync.never'));
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it.each(['server_error', 'network'] as const)(
    'words a %s retry wait and counts down to zero',
    async reason => {
      jest.useFakeTimers();
      h = await createHarness({
        cached: false,
        script: { wait: { reason, seconds: 2, attempt: 1 } },
      });
      show(h);
      const timer = await screen.findByRole('timer');
      expect(timer.textContent).toBe(h.env.t(`fl.common.sync.wait.${reason}`, { seconds: 2 }));
      h.time.now += 3000;
      await act(() => {
        jest.advanceTimersByTime(1000);
      });
      expect(timer.textContent).toBe(h.env.t(`fl.common.sync.wait.${reason}`, { seconds: 0 }));
    },
  );

  it('announces activity in a status region, freshness outside it', async () => {
    h = await createHarness();
    show(h);
    const fresh = await screen.findByText(
      h.env.t('fl.common.sync.updated', { ago: h.env.fmt.ago(h.time.now, h.time.now) }),
    );
    expect(fresh.tagName).toBe('TIME');
    expect(fresh.getAttribute('datetime')).toBe(new Date(h.time.now).toISOString());
    expect(screen.getByRole('status').contains(fresh)).toBe(false);
  });
});
