import { act, cleanup, render } from '@testing-library/preact';
import type { ApiClient } from '../../../src/api';
import { ApiError } from '../../../src/api';
import type { Host } from '../../../src/mount/host';
import type { Once } from '../../../src/mount/useOnce';
import { useOnce } from '../../../src/mount/useOnce';
import { fakeHost } from '../../support/fakeHost';

afterEach(cleanup);

/** A promise a test settles by hand. */
interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

function deferred<T>(): Deferred<T> {
  let resolve: (value: T) => void = () => undefined;
  let reject: (error: unknown) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets pending promise callbacks run. */
async function settle(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise(resolve => setTimeout(resolve, 0));
}

/** A read whose every call waits on its own deferred, with the signal and client it got. */
function controlledRead() {
  const calls: { client: ApiClient; signal: AbortSignal; answer: Deferred<string> }[] = [];
  const read = (client: ApiClient, signal: AbortSignal) => {
    const answer = deferred<string>();
    calls.push({ client, signal, answer });
    return answer.promise;
  };
  return { read, calls };
}

/** Settles a read inside act, letting its answer reach the component. */
const settleRead = (fn: () => void) =>
  act(async () => {
    fn();
    await settle(1);
  });

/** Mounts the probe and lets the host's API arrive: the first read starts then. */
async function probe(host: Host, read: ReturnType<typeof controlledRead>['read'], key: unknown) {
  const seen: Once<string>[] = [];
  let retry: () => void = () => undefined;
  function Probe({ k }: { k: unknown }) {
    const once = useOnce(host, read, k);
    seen.push(once.state);
    retry = once.retry;
    return <p>{once.state.status}</p>;
  }
  const view = render(<Probe k={key} />);
  await act(() => settle(1));
  return {
    seen,
    view,
    last: () => seen.at(-1),
    retry: () => act(() => retry()),
    rekey: (k: unknown) => view.rerender(<Probe k={k} />),
  };
}

describe('useOnce', () => {
  it('is loading, then holds the value read', async () => {
    const host = fakeHost();
    const r = controlledRead();
    const p = await probe(host, r.read, 'a');
    expect(p.seen[0]).toEqual({ status: 'loading' });
    expect(p.last()).toEqual({ status: 'loading' });
    expect(r.calls).toHaveLength(1);
    await settleRead(() => r.calls[0]!.answer.resolve('pipelines'));
    expect(p.last()).toEqual({ status: 'ok', value: 'pipelines' });
    expect(p.view.container.textContent).toBe('ok');
  });

  it('reads with one client made by the host', async () => {
    const host = fakeHost();
    const create = jest.spyOn(host.pageApi, 'createClient');
    const r = controlledRead();
    const p = await probe(host, r.read, 'a');
    await settleRead(() => r.calls[0]!.answer.resolve('x'));
    await p.retry();
    expect(create).toHaveBeenCalledTimes(1);
    const made = create.mock.results[0]!.value as unknown;
    expect(r.calls.map(c => c.client)).toEqual([made, made]);
  });

  it('keeps a failure as an ApiError, and reads again on retry', async () => {
    const host = fakeHost();
    const r = controlledRead();
    const p = await probe(host, r.read, 'a');
    const failure = new ApiError('SERVER', { status: 502 });
    await settleRead(() => r.calls[0]!.answer.reject(failure));
    expect(p.last()).toEqual({ status: 'error', error: failure });

    await p.retry();
    expect(p.last()).toEqual({ status: 'loading' });
    expect(r.calls).toHaveLength(2);
    await settleRead(() => r.calls[1]!.answer.reject(new TypeError('x')));
    const shown = p.last();
    expect(shown?.status === 'error' && shown.error).toBeInstanceOf(ApiError);

    await p.retry();
    await settleRead(() => r.calls[2]!.answer.resolve('second time'));
    expect(p.last()).toEqual({ status: 'ok', value: 'second time' });
  });

  it('aborts the read when the component goes, and ignores a late answer', async () => {
    const host = fakeHost();
    const r = controlledRead();
    const p = await probe(host, r.read, 'a');
    const { signal } = r.calls[0]!;
    expect(signal.aborted).toBe(false);
    p.view.unmount();
    expect(signal.aborted).toBe(true);
    const renders = p.seen.length;
    r.calls[0]!.answer.resolve('late');
    await settle();
    expect(p.seen).toHaveLength(renders);
  });

  it('reads again for a new key, dropping the old key’s answer', async () => {
    const host = fakeHost();
    const r = controlledRead();
    const p = await probe(host, r.read, 'lead 1');
    await settleRead(() => r.calls[0]!.answer.resolve('one'));
    p.rekey('lead 2');
    expect(r.calls).toHaveLength(2);
    p.rekey('lead 2');
    expect(r.calls).toHaveLength(2);
    p.rekey('lead 3');
    expect(r.calls).toHaveLength(3);
    expect(r.calls[1]!.signal.aborted).toBe(true);
    expect(p.last()).toEqual({ status: 'loading' });
    await settleRead(() => r.calls[2]!.answer.resolve('three'));
    await settleRead(() => r.calls[1]!.answer.resolve('two'));
    expect(p.last()).toEqual({ status: 'ok', value: 'three' });
  });

  it('says NETWORK when the API’s code cannot be fetched, and fetches it again on retry', async () => {
    const host = fakeHost();
    const fetched = jest
      .spyOn(host, 'loadApi')
      .mockRejectedValueOnce(new Error('Loading chunk engine failed'));
    const r = controlledRead();
    const p = await probe(host, r.read, 'a');
    const shown = p.last();
    expect(shown?.status === 'error' && shown.error.code).toBe('NETWORK');
    expect(r.calls).toHaveLength(0);

    await p.retry();
    await act(() => settle(1));
    expect(fetched).toHaveBeenCalledTimes(2);
    expect(r.calls).toHaveLength(1);
    await settleRead(() => r.calls[0]!.answer.resolve('after all'));
    expect(p.last()).toEqual({ status: 'ok', value: 'after all' });
  });

  it('never starts a read whose component went before the API arrived', async () => {
    const host = fakeHost();
    const r = controlledRead();
    function Probe() {
      useOnce(host, r.read, 'a');
      return null;
    }
    const view = render(<Probe />);
    view.unmount();
    await settle();
    expect(r.calls).toHaveLength(0);
  });
});
