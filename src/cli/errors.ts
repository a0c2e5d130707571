/**
 * The process exit codes, one table for both commands (README, "What can go wrong"). Signals
 * follow the shell's 128 + signal number, so scripts see an interrupted run as the shell would.
 */
export const EXIT = {
  ok: 0,
  failure: 1,
  badInput: 2,
  SIGINT: 130,
  SIGTERM: 143,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export interface CliErrorOptions {
  readonly exitCode?: ExitCode;
  /** What went wrong underneath; its stack is printed only with --debug. */
  readonly cause?: unknown;
}

/**
 * A problem told in one line, no stack trace: by default the user's input (exit 2); a failure of
 * the outside world (exit 1) or an interruption (130/143) when said so.
 */
export class CliError extends Error {
  readonly exitCode: ExitCode;

  constructor(message: string, options: CliErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.exitCode = options.exitCode ?? EXIT.badInput;
  }
}

/** A failure that is not the user's input: the network, the server, the disk. */
export function failure(message: string, cause?: unknown): CliError {
  return new CliError(
    message,
    cause === undefined ? { exitCode: EXIT.failure } : { exitCode: EXIT.failure, cause },
  );
}
