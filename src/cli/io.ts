/** The outside world of a command, injectable so tests can run commands in-process too. */
export interface Io {
  readonly out: (text: string) => void;
  readonly warn: (message: string) => void;
  /** A status line for people (stderr, so stdout stays clean for data). */
  readonly info: (message: string) => void;
  /** Progress lines that may be rewritten in place on a terminal. */
  readonly progress: (line: string) => void;
  readonly now: () => number;
}

export function processIo(): Io {
  const tty = process.stderr.isTTY;
  let open = false;
  return {
    out: text => process.stdout.write(text),
    warn: message => {
      if (open) process.stderr.write('\n');
      open = false;
      process.stderr.write(`funnel-lens: ${message}\n`);
    },
    info: message => {
      if (open) process.stderr.write('\n');
      open = false;
      process.stderr.write(`${message}\n`);
    },
    progress: line => {
      if (tty) {
        process.stderr.write(`\r\x1b[K${line}`);
        open = true;
      } else process.stderr.write(`${line}\n`);
    },
    now: () => Date.now(),
  };
}
