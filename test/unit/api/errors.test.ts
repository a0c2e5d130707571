import { AxiosError, AxiosHeaders, CanceledError } from 'axios';
import type { AxiosResponse, InternalAxiosRequestConfig } from 'axios';
import { z } from 'zod/mini';
import {
  ApiError,
  codeForStatus,
  formatIssuePath,
  prefixIssues,
  readRetryAfter,
  schemaIssues,
  toApiError,
} from '../../../src/api/errors';
import { createHttp } from '../../../src/api/http';
import { buildUrl } from '../../../src/api/query';

const config = { headers: new AxiosHeaders() } as InternalAxiosRequestConfig;

function httpError(
  status: number,
  data: unknown,
  headers: Record<string, string> = {},
): AxiosError {
  const response: AxiosResponse = {
    status,
    statusText: '',
    headers: new AxiosHeaders(headers),
    config,
    data,
  };
  return new AxiosError('failed', AxiosError.ERR_BAD_REQUEST, config, {}, response);
}

describe('formatIssuePath', () => {
  it.each([
    [['_embedded', 'leads', 3, 'status_id'], '_embedded.leads[3].status_id'],
    [[0, 'lead_status'], '[0].lead_status'],
    [['validation-errors', 0, 'code'], '["validation-errors"][0].code'],
    [[], ''],
  ])('%j → %s', (path, expected) => {
    expect(formatIssuePath(path)).toBe(expected);
  });
});

describe('schemaIssues and prefixIssues', () => {
  it('describes what was expected and what came, never the value itself', () => {
    const schema = z.object({ a: z.number(), b: z.array(z.string()), c: z.literal('x') });
    const result = schema.safeParse({ b: ['ok', 7], c: 'secret-value' }, { reportInput: true });
    expect(result.success).toBe(false);
    const issues = schemaIssues(result.error!);
    expect(issues).toEqual([
      { path: 'a', message: 'missing (expected number)' },
      { path: 'b[1]', message: 'expected string, got number' },
      { path: 'c', message: 'expected one of "x"' },
    ]);
    expect(JSON.stringify(issues)).not.toContain('secret-value');
  });

  it('without reportInput still names the expected type', () => {
    const result = z.object({ a: z.number() }).safeParse({ a: 'x' });
    expect(schemaIssues(result.error!)).toEqual([{ path: 'a', message: 'expected number' }]);
  });

  it('re-roots issue paths', () => {
    const error = new ApiError('SCHEMA', {
      issues: [
        { path: 'value_after[0]', message: 'm' },
        { path: '', message: 'n' },
      ],
    });
    expect(prefixIssues(error, '_embedded.events[2]').issues).toEqual([
      { path: '_embedded.events[2].value_after[0]', message: 'm' },
      { path: '_embedded.events[2]', message: 'n' },
    ]);
  });
});

describe('toApiError', () => {
  it.each([
    [400, 'BAD_REQUEST'],
    [401, 'UNAUTHORIZED'],
    [402, 'PAYMENT_REQUIRED'],
    [403, 'FORBIDDEN'],
    [404, 'NOT_FOUND'],
    [422, 'HTTP'],
    [429, 'RATE_LIMITED'],
    [500, 'SERVER'],
    [504, 'SERVER'],
    [302, 'HTTP'],
  ])('HTTP %i → %s', (status, code) => {
    expect(codeForStatus(status)).toBe(code);
    const error = toApiError(
      httpError(status, { title: 't', status, detail: 'server says' }),
      '/api/v4/leads',
    );
    expect(error).toMatchObject({
      code,
      status,
      path: '/api/v4/leads',
      detail: 'server says',
      message: code,
    });
  });

  it('keeps only the server detail, and none for a non-JSON body', () => {
    expect(toApiError(httpError(502, '<html>Bad Gateway</html>')).detail).toBeUndefined();
  });

  it('maps transport failures and aborts', () => {
    expect(toApiError(new AxiosError('Network Error', AxiosError.ERR_NETWORK, config)).code).toBe(
      'NETWORK',
    );
    expect(
      toApiError(new AxiosError('timeout of 1ms exceeded', AxiosError.ETIMEDOUT, config)).code,
    ).toBe('TIMEOUT');
    expect(
      toApiError(new AxiosError('timeout of 1ms exceeded', AxiosError.ECONNABORTED, config)).code,
    ).toBe('TIMEOUT');
    expect(
      toApiError(new AxiosError('Request aborted', AxiosError.ECONNABORTED, config)).code,
    ).toBe('NETWORK');
    expect(toApiError(new CanceledError()).code).toBe('ABORTED');
    expect(toApiError(new DOMException('stop', 'AbortError')).code).toBe('ABORTED');
  });

  it('maps zod errors to SCHEMA with issues, and passes ApiErrors through', () => {
    const zodError = z.object({ id: z.number() }).safeParse({}).error!;
    expect(toApiError(zodError, '/api/v4/account')).toMatchObject({
      code: 'SCHEMA',
      path: '/api/v4/account',
      issues: [{ path: 'id' }],
    });
    const own = new ApiError('FORBIDDEN');
    expect(toApiError(own)).toBe(own);
  });

  it('maps anything else to HTTP, keeping the original as cause', () => {
    const cause = new TypeError('boom');
    expect(toApiError(cause)).toMatchObject({ code: 'HTTP', cause });
    expect(toApiError('a string')).toMatchObject({ code: 'HTTP' });
  });

  it('reads retry_after for a 429', () => {
    expect(
      toApiError(httpError(429, { title: 'x', status: 429, retry_after: 30 })).retryAfter,
    ).toBe(30);
    expect(toApiError(httpError(429, 'nope', { 'retry-after': '4' })).retryAfter).toBe(4);
  });
});

describe('readRetryAfter', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  it.each([
    [{ retry_after: 5 }, undefined, 5],
    [{ retry_after: '6' }, '9', 6],
    ['text body', '9', 9],
    [undefined, 'Thu, 01 Jan 2026 00:00:20 GMT', 20],
    [undefined, 'Wed, 31 Dec 2025 00:00:00 GMT', 0],
    [{ retry_after: -1 }, 'soon', undefined],
    [null, undefined, undefined],
  ])('body %j, header %j → %j', (body, header, expected) => {
    expect(readRetryAfter(body, header, now)).toBe(expected);
  });
});

describe('request targets', () => {
  it('only builds /api/v4 paths', () => {
    expect(buildUrl('/api/v4/leads', [['filter[id][]', 1]])).toBe('/api/v4/leads?filter[id][]=1');
    expect(buildUrl('/api/v4/account', [['with', 'a,b c']])).toBe('/api/v4/account?with=a,b%20c');
    for (const bad of [
      'https://evil.example.com/api/v4/leads',
      '//evil.example.com/api/v4',
      '/api/v4/../admin',
      '/api/v3/leads',
      '/api/v4/',
    ]) {
      expect(() => buildUrl(bad)).toThrow(RangeError);
    }
  });

  it('the axios instance refuses absolute URLs: they stay on the account origin', () => {
    const http = createHttp({ baseURL: 'https://example.amocrm.ru' });
    expect(http.getUri({ url: 'https://evil.example.com/api/v4/leads' })).toMatch(
      /^https:\/\/example\.amocrm\.ru\//,
    );
    expect(http.defaults.maxRedirects).toBe(0);
  });
});
