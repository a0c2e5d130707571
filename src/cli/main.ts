import { CliError } from './errors';
import { processIo } from './io';
import type { Io } from './io';
import { REPORT_USAGE, runReport } from './reportCommand';
import { runSync, SYNC_USAGE } from './syncCommand';

const USAGE = `Funnel Lens — exact funnel analytics for amoCRM / Kommo

Usage:
${REPORT_USAGE}

${SYNC_USAGE}`;

/** Runs a command line; resolves to the process exit code (0 ok, 2 bad input, 1 failure). */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.out(`${USAGE}\n`);
      return command === undefined ? 2 : 0;
    }
    if (rest.includes('--help') || rest.includes('-h')) {
      io.out(`${command === 'sync' ? SYNC_USAGE : REPORT_USAGE}\n`);
      return 0;
    }
    if (command === 'report') runReport(rest, io);
    else if (command === 'sync') await runSync(rest, io);
    else throw new CliError(`unknown command "${command}". Commands: report, sync (see --help).`);
    return 0;
  } catch (error) {
    if (error instanceof CliError) {
      io.warn(error.message);
      return error.exitCode;
    }
    // parseArgs reports unknown or malformed options with these codes.
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      io.warn(
        `${(error as Error).message.replace(/\.$/, '')}. See funnel-lens ${command ?? ''} --help.`,
      );
      return 2;
    }
    io.warn(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 1;
  }
}
