/** An Io for running commands in-process: output collected, sleeps instant, signals on demand. */
import type { Io, StopSignal } from '../../../src/cli/io';

export interface FakeIo extends Io {
  readonly stdout: string[];
  readonly stderr: string[];
  /** Milliseconds the command asked to sleep, in order. */
  readonly slept: number[];
  /** Delivers a signal as the process would. */
  stop(signal: StopSignal): void;
}

export function fakeIo(
  options: { env?: Record<string, string>; stdin?: string; live?: boolean } = {},
): FakeIo {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const slept: number[] = [];
  const handlers = new Set<(signal: StopSignal) => void>();
  return {
    stdout,
    stderr,
    slept,
    out: text => stdout.push(text),
    warn: message => stderr.push(`funnel-lens: ${message}`),
    info: message => stderr.push(message),
    progress: line => stderr.push(line),
    live: options.live ?? false,
    now: () => Date.now(),
    sleep: ms => {
      slept.push(ms);
      return Promise.resolve();
    },
    env: options.env ?? {},
    readLine: () => Promise.resolve((options.stdin ?? '').split(/\r?\n/)[0] ?? ''),
    onStop: handler => {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
    stop: signal => {
      for (const handler of [...handlers]) handler(signal);
    },
  };
}
