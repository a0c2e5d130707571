import { realSleep } from '../api';
import type { Sleep } from '../api';
import { plainText } from './text';

export type StopSignal = 'SIGINT' | 'SIGTERM';

/** The outside world of a command, injectable so tests can run commands in-process too. */
export interface Io {
  readonly out: (text: string) => void;
  readonly warn: (message: string) => void;
  /** A status line for people (stderr, so stdout stays clean for data). */
  readonly info: (message: string) => void;
  /** Progress lines that may be rewritten in place on a terminal. */
  readonly progress: (line: string) => void;
  /** Whether `progress` rewrites one line in place (stderr is a terminal). */
  readonly live: boolean;
  readonly now: () => number;
  readonly sleep: Sleep;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The first line of standard input, without its line break. */
  readonly readLine: () => Promise<string>;
  /** Hands SIGINT/SIGTERM to `handler` instead of the default exit, until the returned dispose. */
  readonly onStop: (handler: (signal: StopSignal) => void) => () => void;
}

function firstLine(): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const stdin = process.stdin;
    // Someone at a terminal would otherwise see a silent hang.
    if (stdin.isTTY) process.stderr.write('token (then Enter): ');
    const done = (): void => {
      stdin.off('data', onData);
      stdin.off('end', done);
      stdin.off('error', reject);
      // Paused and unreferenced: an open terminal must not keep the process alive afterwards.
      stdin.pause();
      stdin.unref();
      resolve(text.split(/\r?\n/)[0] ?? '');
    };
    const onData = (chunk: Buffer | string): void => {
      text += chunk.toString();
      if (text.includes('\n')) done();
    };
    stdin.on('data', onData);
    stdin.once('end', done);
    stdin.once('error', reject);
  });
}

/**
 * Everything written to the terminal passes `plainText`: file names, server details and
 * redirect targets come from outside too, and must not drive the terminal.
 */
export function processIo(): Io {
  const tty = process.stderr.isTTY;
  let open = false;
  const line = (text: string) => {
    if (open) process.stderr.write('\n');
    open = false;
    process.stderr.write(`${plainText(text)}\n`);
  };
  return {
    out: text => process.stdout.write(text),
    warn: message => line(`funnel-lens: ${message}`),
    info: line,
    progress: text => {
      if (tty) {
        process.stderr.write(`\r\x1b[K${plainText(text).replace(/\n/g, ' ')}`);
        open = true;
      } else process.stderr.write(`${plainText(text)}\n`);
    },
    live: tty,
    now: () => Date.now(),
    sleep: realSleep,
    env: process.env,
    readLine: firstLine,
    onStop: handler => {
      const int = () => handler('SIGINT');
      const term = () => handler('SIGTERM');
      process.on('SIGINT', int);
      process.on('SIGTERM', term);
      return () => {
        process.off('SIGINT', int);
        process.off('SIGTERM', term);
      };
    },
  };
}
