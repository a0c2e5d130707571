import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AxiosError, AxiosHeaders, CanceledError } from 'axios';
import type { AxiosAdapter, AxiosResponse, InternalAxiosRequestConfig } from 'axios';
import { createApiClient } from '../../../src/api/client';
import type { ApiPage, ClientOptions } from '../../../src/api/client';
import { createHttp } from '../../../src/api/http';
import type { PagingEnd } from '../../../src/api/paging';
import type { Sleep } from '../../../src/api/types';

const FIXTURES = join(__dirname, '../../fixtures/amocrm-docs-examples');

export function fixtureNames(): string[] {
  return readdirSync(FIXTURES).filter(name => name.endsWith('.json'));
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- arbitrary JSON the tests mutate into broken bodies
export function fixture(name: string): any {
  return JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'));
}

/** A deep copy the test may mutate. */
export function clone<T>(value: T): T {
  return structuredClone(value);
}

export interface SentRequest {
  readonly method: string;
  readonly baseURL: string;
  readonly url: string;
  readonly headers: Record<string, unknown>;
  readonly at: number;
}

/** What the fake server answers; `data` is sent as a JSON string unless `text` is given. */
export type Reply =
  | {
      readonly status: number;
      readonly data?: unknown;
      readonly text?: string;
      readonly headers?: Record<string, string>;
    }
  | { readonly fail: 'network' | 'timeout' };

/**
 * A fake axios adapter standing in for amoCRM: records each request and answers with `handler`.
 * Like axios' own adapters it settles with validateStatus, so non-2xx replies reject with an
 * AxiosError carrying the response, and an aborted signal rejects with CanceledError.
 */
export function fakeServer(handler: (request: SentRequest, index: number) => Reply) {
  const requests: SentRequest[] = [];
  const respond = (config: InternalAxiosRequestConfig): AxiosResponse => {
    if (config.signal?.aborted === true) throw new CanceledError(undefined, undefined, config);
    const request: SentRequest = {
      method: config.method ?? 'get',
      baseURL: config.baseURL ?? '',
      url: config.url ?? '',
      headers: config.headers.toJSON(),
      at: Date.now(),
    };
    requests.push(request);
    const reply = handler(request, requests.length - 1);
    if ('fail' in reply) {
      throw reply.fail === 'network'
        ? new AxiosError('Network Error', AxiosError.ERR_NETWORK, config)
        : new AxiosError('timeout of 30000ms exceeded', AxiosError.ETIMEDOUT, config);
    }
    const response: AxiosResponse = {
      status: reply.status,
      statusText: String(reply.status),
      headers: new AxiosHeaders(reply.headers ?? {}),
      config,
      data: reply.text ?? (reply.data === undefined ? '' : JSON.stringify(reply.data)),
    };
    if (config.validateStatus?.(reply.status) !== false) return response;
    const code = reply.status >= 500 ? AxiosError.ERR_BAD_RESPONSE : AxiosError.ERR_BAD_REQUEST;
    throw new AxiosError(
      `Request failed with status code ${reply.status}`,
      code,
      config,
      {},
      response,
    );
  };
  const adapter: AxiosAdapter = config => Promise.resolve(config).then(respond);
  return { adapter, requests };
}

/** An axios instance for a token-authenticated account, answered by `handler`. */
export function fakeHttp(handler: (request: SentRequest, index: number) => Reply) {
  const server = fakeServer(handler);
  const http = createHttp({
    baseURL: 'https://example.amocrm.ru',
    headers: { Authorization: 'Bearer test-token' },
    adapter: server.adapter,
  });
  return { http, requests: server.requests };
}

/** Resolves at once and records each requested wait (ms). */
export function instantSleep(): { sleep: Sleep; waits: number[] } {
  const waits: number[] = [];
  return {
    waits,
    sleep: (ms, signal) => {
      waits.push(ms);
      return signal?.aborted === true ? Promise.reject(new Error('aborted')) : Promise.resolve();
    },
  };
}

/** A HAL leads page; `next` adds `_links.next` pointing at `nextHref`. */
export function leadsPage(leads: unknown[], next = false, nextHref?: string) {
  return {
    _page: 1,
    _links: {
      self: { href: 'https://example.amocrm.ru/api/v4/leads' },
      ...(next
        ? { next: { href: nextHref ?? 'https://example.amocrm.ru/api/v4/leads?page=2' } }
        : {}),
    },
    _embedded: { leads },
  };
}

export function rawLead(id: number, overrides: Record<string, unknown> = {}) {
  return {
    id,
    name: `Lead ${id}`,
    price: 100,
    responsible_user_id: 7,
    status_id: 20,
    pipeline_id: 1,
    created_at: 1_700_000_000,
    updated_at: 1_700_000_100,
    closed_at: null,
    loss_reason_id: null,
    is_deleted: false,
    ...overrides,
  };
}

export function rawStatusEvent(id: string, leadId: number, createdAt: number, from = 20, to = 30) {
  return {
    id,
    type: 'lead_status_changed',
    entity_id: leadId,
    entity_type: 'lead',
    created_at: createdAt,
    value_before: [{ lead_status: { id: from, pipeline_id: 1 } }],
    value_after: [{ lead_status: { id: to, pipeline_id: 1 } }],
  };
}

export function eventsPage(events: unknown[], next = false) {
  return {
    _page: 1,
    _links: next ? { next: { href: 'https://example.amocrm.ru/api/v4/events?page=2' } } : {},
    _embedded: { events },
  };
}

/** Lifts the rate limit for tests that are not about it, so they never wait for the throttle. */
export const NO_RATE_LIMIT = { rateLimit: { limit: 1000, intervalMs: 1000 } } as const;

/** A client over a fake server and an instant sleep. */
export function client(
  handler: (request: SentRequest, index: number) => Reply,
  extra: Partial<Omit<ClientOptions, 'http'>> = {},
) {
  const { http, requests } = fakeHttp(handler);
  const { sleep, waits } = instantSleep();
  return { api: createApiClient({ http, sleep, ...NO_RATE_LIMIT, ...extra }), requests, waits };
}

/** Runs a page generator to its end, keeping the pages and the end reason. */
export async function drain<T>(generator: AsyncGenerator<ApiPage<T>, PagingEnd>) {
  const pages: ApiPage<T>[] = [];
  for (;;) {
    const next = await generator.next();
    if (next.done === true) return { pages, end: next.value };
    pages.push(next.value);
  }
}

export const ok = (data: unknown): Reply => ({ status: 200, data });
