import { EngineError, isEngineErrorCode, toEngineError } from '../../../../src/state/engine/errors';

describe('EngineError', () => {
  it('carries its code, and the detail in the message for logs', () => {
    const e = new EngineError('FAILED', 'out of memory');
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('EngineError');
    expect(e.code).toBe('FAILED');
    expect(e.detail).toBe('out of memory');
    expect(e.message).toBe('FAILED: out of memory');
  });

  it('is just its code without a detail', () => {
    const e = new EngineError('DISPOSED');
    expect(e.message).toBe('DISPOSED');
    expect(e.detail).toBeUndefined();
    expect(e.cause).toBeUndefined();
  });

  it('keeps a cause', () => {
    const cause = new TypeError('x');
    expect(new EngineError('FAILED', 'x', cause).cause).toBe(cause);
  });
});

describe('isEngineErrorCode', () => {
  it.each(['WORKER_FAILED', 'DISPOSED', 'NO_DATA', 'FAILED'])('knows %s', code => {
    expect(isEngineErrorCode(code)).toBe(true);
  });

  it.each(['', 'failed', 'NETWORK', 1, null, undefined, {}])('refuses %p', value => {
    expect(isEngineErrorCode(value)).toBe(false);
  });
});

describe('toEngineError', () => {
  it('keeps an EngineError as it is', () => {
    const e = new EngineError('NO_DATA');
    expect(toEngineError(e)).toBe(e);
  });

  it('makes any Error a FAILED with its message and the error as cause', () => {
    const cause = new RangeError('Invalid time zone');
    const e = toEngineError(cause);
    expect(e).toBeInstanceOf(EngineError);
    expect(e.code).toBe('FAILED');
    expect(e.detail).toBe('Invalid time zone');
    expect(e.cause).toBe(cause);
  });

  it('makes anything else thrown a FAILED with its text', () => {
    expect(toEngineError('boom')).toMatchObject({ code: 'FAILED', detail: 'boom' });
    expect(toEngineError(undefined)).toMatchObject({ code: 'FAILED', detail: 'undefined' });
  });
});
