/**
 * Why the cache failed. UNAVAILABLE, BLOCKED and VERSION come from opening IndexedDB: the caller
 * then uses the memory store. The others come from a store's methods.
 */
export type CacheErrorCode =
  'UNAVAILABLE' | 'BLOCKED' | 'VERSION' | 'CLOSED' | 'BAD_SCOPE' | 'READ_FAILED' | 'WRITE_FAILED';

const MESSAGES: Readonly<Record<CacheErrorCode, string>> = {
  UNAVAILABLE: 'IndexedDB is not available (private mode, disabled storage or an insecure frame)',
  BLOCKED:
    'the cache database is held open at an older version by another tab, so it cannot be upgraded',
  VERSION: 'the cache database was written by a newer version of the widget',
  CLOSED: 'the cache was closed (by close(), or to let another tab upgrade it)',
  BAD_SCOPE: 'the cache scope is invalid',
  READ_FAILED: 'reading the cache failed',
  WRITE_FAILED: 'writing the cache failed; what was held before is unchanged',
};

/**
 * Every failure of a pipeline store. `message` says why in English for logs; the UI keys on `code`.
 *
 * @example
 * new CacheError('BAD_SCOPE', 'scope.userId must be a non-negative integer, got -1').message
 * //=> 'the cache scope is invalid: scope.userId must be a non-negative integer, got -1'
 */
export class CacheError extends Error {
  override readonly name = 'CacheError';
  readonly code: CacheErrorCode;

  constructor(code: CacheErrorCode, detail?: string, cause?: unknown) {
    const message = detail === undefined ? MESSAGES[code] : `${MESSAGES[code]}: ${detail}`;
    super(message, cause === undefined ? undefined : { cause });
    this.code = code;
  }
}

/** `name: message` of whatever was thrown (DOMExceptions carry the useful part in `name`). */
export function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** Runs `fn`, turning anything but a CacheError into one with `code`. */
export async function guard<T>(code: CacheErrorCode, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw error instanceof CacheError ? error : new CacheError(code, describeError(error), error);
  }
}
