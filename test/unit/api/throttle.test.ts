import { createApiClient } from '../../../src/api/client';
import type { ApiClient } from '../../../src/api/client';
import { createHttp } from '../../../src/api/http';
import { createPeerHub } from '../../../src/api/slots';
import type { PeerMessage, PeerTransport } from '../../../src/api/slots';
import { fakeHttp, fakeServer, instantSleep, leadsPage, rawLead } from './helpers';

/**
 * The slots are held with setTimeout and requests stamped with Date.now, so jest's modern fake timers are the fake
 * clock: each request's timestamp is read from the faked Date.now in the fake adapter, and the
 * clock only moves when the test advances it. No assertion depends on real elapsed time.
 */
beforeEach(() => {
  jest.useFakeTimers({ now: 1_000_000 });
});
afterEach(() => {
  jest.useRealTimers();
});

function maxInAnyWindow(times: readonly number[], windowMs: number): number {
  let best = 0;
  for (let start = 0; start < times.length; start++) {
    let end = start;
    while (end < times.length && times[end]! - times[start]! < windowMs) end++;
    best = Math.max(best, end - start);
  }
  return best;
}

async function settle<T>(work: Promise<T>): Promise<T> {
  const state = { done: false };
  const tracked = work.finally(() => {
    state.done = true;
  });
  for (let i = 0; i < 10_000 && !state.done; i++) await jest.advanceTimersByTimeAsync(25);
  return tracked;
}

async function countLeads(api: ApiClient, pipelineId?: number): Promise<number> {
  let count = 0;
  for await (const page of api.leadPages(pipelineId === undefined ? {} : { pipelineId }))
    count += page.items.length;
  return count;
}

function pagedServer(pageCount: number) {
  return fakeHttp(request => {
    const page = Number(/[?&]page=(\d+)/.exec(request.url)![1]);
    return { status: 200, data: leadsPage([rawLead(page)], page < pageCount) };
  });
}

describe('rate limit', () => {
  it('sequential paging sends at most 7 requests in any 1.02 s: amoCRM’s 7 per second, plus a margin for timers', async () => {
    const { http, requests } = pagedServer(30);
    const api = createApiClient({ http, sleep: instantSleep().sleep });
    expect(await settle(countLeads(api))).toBe(30);
    const times = requests.map(r => r.at);
    expect(times).toHaveLength(30);
    expect(maxInAnyWindow(times, 1000)).toBe(7);
    expect(maxInAnyWindow(times, 1020)).toBe(7);
    // The 8th request waits until 1.02 s after the 1st was answered: 30 take at least 4 × 1.02 s.
    expect(times.at(-1)! - times[0]!).toBeGreaterThanOrEqual(4080);
    expect(times.at(-1)! - times[0]!).toBeLessThan(4300);
  });

  it('a server that stamps each request only when it answers, one 0.6 s late, still never counts 8 in a second', async () => {
    // The worst case for a limiter that counts sends: the first request stalls and is stamped
    // together with the second burst. Here each request is stamped (`at`) as it is answered.
    const server = fakeServer(request => {
      const page = Number(/[?&]page=(\d+)/.exec(request.url)![1]);
      return { status: 200, data: leadsPage([rawLead(page)], page < 15) };
    });
    let sent = 0;
    const http = createHttp({
      baseURL: 'https://example.amocrm.ru',
      headers: { Authorization: 'Bearer test-token' },
      adapter: config => {
        const lateMs = sent++ === 0 ? 600 : 0;
        return new Promise(wake => setTimeout(wake, lateMs)).then(() => server.adapter(config));
      },
    });
    const api = createApiClient({ http, sleep: instantSleep().sleep });
    const counts = await settle(Promise.all([1, 2, 3].map(() => countLeads(api, 1))));
    expect(counts).toEqual([15, 15, 15]);
    expect(
      maxInAnyWindow(
        server.requests.map(r => r.at).sort((a, b) => a - b),
        1000,
      ),
    ).toBe(7);
  });

  it('a client that starts full waits one window before its first request', async () => {
    const { http, requests } = pagedServer(8);
    const api = createApiClient({
      http,
      sleep: instantSleep().sleep,
      rateLimit: { limit: 7, intervalMs: 1000, marginMs: 20, startFull: true },
    });
    const started = Date.now();
    expect(await settle(countLeads(api))).toBe(8);
    expect(requests[0]!.at - started).toBeGreaterThanOrEqual(1020);
    // Then it runs at the usual pace: all 7 slots free at once.
    expect(requests[6]!.at - requests[0]!.at).toBeLessThan(100);
  });

  it('after a 429 widens its margin, so the next burst arrives further apart', async () => {
    const { http, requests } = fakeHttp((request, i) => {
      if (i === 3) return { status: 429, data: { retry_after: 1 } };
      const page = Number(/[?&]page=(\d+)/.exec(request.url)![1]);
      return { status: 200, data: leadsPage([rawLead(page)], page < 30) };
    });
    const api = createApiClient({ http, sleep: instantSleep().sleep });
    expect(await settle(countLeads(api))).toBe(30);
    const after = requests.slice(4).map(r => r.at);
    expect(maxInAnyWindow(after, 1100)).toBe(7);
    // 26 requests after the 429 at 7 per 1.1 s take at least 3 × 1.1 s.
    expect(after.at(-1)! - after[0]!).toBeGreaterThanOrEqual(3300);
  });

  it('two concurrent iterations on one client share the limit', async () => {
    const { http, requests } = pagedServer(12);
    const api = createApiClient({ http, sleep: instantSleep().sleep });
    const counts = await settle(Promise.all([countLeads(api, 1), countLeads(api, 1)]));
    expect(counts).toEqual([12, 12]);
    expect(
      maxInAnyWindow(
        requests.map(r => r.at),
        1000,
      ),
    ).toBe(7);
  });

  it('retries count against the limit too', async () => {
    const { http, requests } = fakeHttp((_, i) =>
      i < 12 ? { status: 503 } : { status: 200, data: leadsPage([rawLead(1)]) },
    );
    const api = createApiClient({ http, sleep: instantSleep().sleep, maxRetries: 20 });
    expect(await settle(countLeads(api))).toBe(1);
    expect(requests).toHaveLength(13);
    expect(
      maxInAnyWindow(
        requests.map(r => r.at),
        1000,
      ),
    ).toBe(7);
  });

  it('a request waiting for its slot can be aborted', async () => {
    const { http, requests } = pagedServer(1);
    const api = createApiClient({ http, sleep: instantSleep().sleep });
    await settle(Promise.all(Array.from({ length: 7 }, () => api.getLead(1).catch(() => null))));
    const controller = new AbortController();
    const queued = api.getPipelines({ signal: controller.signal }).catch((e: unknown) => e);
    controller.abort();
    expect(await queued).toMatchObject({ code: 'ABORTED' });
    expect(requests).toHaveLength(7);
  });

  describe('clients of one account in one browser (the page, the engine worker, other tabs)', () => {
    /** A BroadcastChannel between threads: every hub hears what the others post, not its own. */
    function channel() {
      const hearers: ((m: unknown) => void)[] = [];
      const transport = (): PeerTransport => {
        let mine: ((m: unknown) => void) | undefined;
        return {
          post: (m: PeerMessage) => {
            for (const hear of hearers) if (hear !== mine) queueMicrotask(() => hear(m));
          },
          listen: hear => {
            mine = hear;
            hearers.push(hear);
          },
        };
      };
      return { transport };
    }

    it('two threads, each syncing, together never send 8 in a second', async () => {
      const { transport } = channel();
      const page = pagedServer(20);
      const worker = pagedServer(20);
      const onPage = createApiClient({
        http: page.http,
        sleep: instantSleep().sleep,
        peers: createPeerHub(transport()),
      });
      const inWorker = createApiClient({
        http: worker.http,
        sleep: instantSleep().sleep,
        peers: createPeerHub(transport()),
      });
      // The worker starts a moment after the page's first burst: a thread hears another's request
      // once the channel delivers it, so two bursts begun in the same instant could still meet.
      const later = new Promise<number>(resolve => setTimeout(resolve, 30)).then(() =>
        countLeads(inWorker),
      );
      expect(await settle(Promise.all([countLeads(onPage), later]))).toEqual([20, 20]);
      const times = [...page.requests, ...worker.requests].map(r => r.at).sort((a, b) => a - b);
      expect(maxInAnyWindow(times, 1000)).toBe(7);
      // Both got their turns: the limit is shared, not taken by one.
      expect(page.requests.length + worker.requests.length).toBe(40);
    });

    it('two clients of one thread share its hub and the limit', async () => {
      const hub = createPeerHub();
      const a = pagedServer(15);
      const b = pagedServer(15);
      const first = createApiClient({ http: a.http, sleep: instantSleep().sleep, peers: hub });
      const second = createApiClient({ http: b.http, sleep: instantSleep().sleep, peers: hub });
      expect(await settle(Promise.all([countLeads(first), countLeads(second)]))).toEqual([15, 15]);
      const times = [...a.requests, ...b.requests].map(r => r.at).sort((x, y) => x - y);
      expect(maxInAnyWindow(times, 1000)).toBe(7);
    });

    it('lets go of a request whose thread went silent (a worker ended mid-request)', async () => {
      const hub = createPeerHub();
      for (let k = 0; k < 7; k++) hub.announce({ kind: 'sent', id: `gone-${k}`, client: 'gone' });
      const { http, requests } = pagedServer(1);
      const api = createApiClient({ http, sleep: instantSleep().sleep, peers: hub });
      const started = Date.now();
      expect(await settle(countLeads(api))).toBe(1);
      expect(requests[0]!.at - started).toBeGreaterThanOrEqual(10_000);
    });
  });
});
