import { CliError, EXIT } from './errors';
import { processIo } from './io';
import type { Io } from './io';
import { REPORT_USAGE, runReport } from './reportCommand';
import { runSync, SYNC_USAGE } from './syncCommand';

const USAGE = `Funnel Lens — exact funnel analytics for amoCRM / Kommo

Usage:
${REPORT_USAGE}

${SYNC_USAGE}

  --debug           with either command: on a failure, print the stack trace too

Exit codes: 0 done, 1 failed (network, server, disk), 2 bad input, 130/143 stopped by
SIGINT/SIGTERM.`;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The stacks of an error and of what caused it, for --debug. */
function stacks(error: unknown): string {
  const lines: string[] = [];
  for (let e: unknown = error, depth = 0; e !== undefined && depth < 5; depth++) {
    lines.push(e instanceof Error ? (e.stack ?? e.message) : JSON.stringify(e));
    e = e instanceof Error ? e.cause : undefined;
  }
  return lines.join('\ncaused by: ');
}

/** Runs a command line; resolves to the process exit code (see EXIT). */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  const debug = argv.includes('--debug');
  const [command, ...rest] = argv.filter(arg => arg !== '--debug');
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.out(`${USAGE}\n`);
      return command === undefined ? EXIT.badInput : EXIT.ok;
    }
    if (rest.includes('--help') || rest.includes('-h')) {
      io.out(`${command === 'sync' ? SYNC_USAGE : REPORT_USAGE}\n`);
      return EXIT.ok;
    }
    if (command === 'report') runReport(rest, io);
    else if (command === 'sync') await runSync(rest, io);
    else throw new CliError(`unknown command "${command}". Commands: report, sync (see --help).`);
    return EXIT.ok;
  } catch (error) {
    if (debug) io.warn(stacks(error));
    if (error instanceof CliError) {
      io.warn(error.message);
      return error.exitCode;
    }
    // parseArgs reports unknown or malformed options with these codes.
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      io.warn(`${messageOf(error).replace(/\.$/, '')}. See funnel-lens ${command ?? ''} --help.`);
      return EXIT.badInput;
    }
    // Anything else (a full disk, a permission, a bug) is still one line; --debug has the rest.
    io.warn(
      `failed: ${messageOf(error).split('\n')[0] ?? ''} (run with --debug for the stack trace)`,
    );
    return EXIT.failure;
  }
}
