/**
 * Why the engine could not answer. The code crosses the worker boundary in the response, so the
 * page decides by code (fall back to the page thread, say "no data yet", ignore a disposal)
 * instead of reading message texts.
 */
export type EngineErrorCode =
  /** The worker died or could not start (a host CSP forbidding blob: workers shows up here). */
  | 'WORKER_FAILED'
  /** The engine was disposed (the mount went away) before it answered. */
  | 'DISPOSED'
  /** A report or journey was asked for before any data was loaded. */
  | 'NO_DATA'
  /** Anything else: a bug or an input the engine could not handle. */
  | 'FAILED';

const CODES: ReadonlySet<string> = new Set(['WORKER_FAILED', 'DISPOSED', 'NO_DATA', 'FAILED']);

export class EngineError extends Error {
  override readonly name = 'EngineError';
  readonly code: EngineErrorCode;
  /** What went wrong technically, for the debug log; the UI speaks by code. */
  readonly detail: string | undefined;

  constructor(code: EngineErrorCode, detail?: string, cause?: unknown) {
    super(detail === undefined ? code : `${code}: ${detail}`, cause === undefined ? {} : { cause });
    this.code = code;
    this.detail = detail;
  }
}

export function isEngineErrorCode(value: unknown): value is EngineErrorCode {
  return typeof value === 'string' && CODES.has(value);
}

/** Anything thrown while computing, as an EngineError (unknown failures are FAILED). */
export function toEngineError(error: unknown): EngineError {
  if (error instanceof EngineError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new EngineError('FAILED', detail, error);
}
