/**
 * The slice filter's names: nothing is read (not even the API's code) until the filter asks,
 * then the account's tags and fields; a failure is kept, and asking again reads again.
 */
import { act, cleanup, render } from '@testing-library/preact';
import { ApiError } from '../../../src/api';
import { useSliceNames } from '../../../src/mount/useSliceNames';
import type { NamesState } from '../../../src/ui';
import { fakeHost, HOST_ACCOUNT } from '../../support/fakeHost';
import type { FakeHost } from '../../support/fakeHost';

afterEach(cleanup);

const settle = () => act(() => new Promise<void>(resolve => setTimeout(resolve, 0)));

async function probe(host: FakeHost) {
  const seen: NamesState[] = [];
  let load: () => void = () => undefined;
  function Probe() {
    const names = useSliceNames(host);
    seen.push(names.state);
    load = names.load;
    return null;
  }
  render(<Probe />);
  await settle();
  return {
    last: () => seen.at(-1),
    load: async () => {
      await act(() => load());
      for (let i = 0; i < 5; i++) await settle();
    },
  };
}

const tagIds = [...new Set(HOST_ACCOUNT.leads.flatMap(l => l.tags.map(t => t.id)))].sort(
  (a, b) => a - b,
);

describe('useSliceNames', () => {
  it('reads nothing until asked, then the tags and fields', async () => {
    const host = fakeHost();
    const loadApi = jest.spyOn(host, 'loadApi');
    const p = await probe(host);
    expect(p.last()).toEqual({ status: 'idle' });
    expect(loadApi).not.toHaveBeenCalled();
    expect(host.requests).toHaveLength(0);
    await p.load();
    const state = p.last();
    if (state?.status !== 'ok') throw new Error(`names not read: ${JSON.stringify(state)}`);
    expect(tagIds.length).toBeGreaterThan(0);
    expect(HOST_ACCOUNT.customFields.length).toBeGreaterThan(0);
    expect(state.names.tags.map(t => t.id)).toEqual(tagIds);
    expect(state.names.fields.map(f => f.id)).toEqual(HOST_ACCOUNT.customFields.map(f => f.id));
    expect([host.calls('getLeadTags'), host.calls('getLeadCustomFields')]).toEqual([1, 1]);
  });

  it('keeps a failure, and reads again when asked again', async () => {
    const host = fakeHost();
    host.fail(new ApiError('NETWORK'));
    const p = await probe(host);
    await p.load();
    expect(p.last()).toMatchObject({ status: 'error', error: { code: 'NETWORK' } });
    host.fail(null);
    await p.load();
    expect(p.last()?.status).toBe('ok');
    expect(host.calls('getLeadTags')).toBe(2);
  });
});
