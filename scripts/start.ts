/**
 * `npm start`: answers --help and bad options at once, instead of after the widget and host
 * builds (a minute of webpack), then builds both and runs the sandbox in this process, so Ctrl-C
 * reaches its shutdown handler directly.
 */
import { spawnSync } from 'node:child_process';
import { parseStartArgs, START_USAGE } from '../sandbox/server/host/startArgs';

function run(script: string): void {
  // npm is a .cmd shim on Windows, which only a shell can start.
  const result = spawnSync('npm', ['run', script], {
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

async function main(): Promise<void> {
  const parsed = parseStartArgs(process.argv.slice(2), process.env, Date.now());
  if (parsed.kind === 'help') {
    process.stdout.write(START_USAGE);
    return;
  }
  if (parsed.kind === 'error') {
    // The same report and exit code sandbox/main.ts gives, just before the builds.
    process.stderr.write(`sandbox: ${parsed.message}\n\n${START_USAGE}`);
    process.exitCode = 2;
    return;
  }
  run('build');
  run('build:sandbox');
  // sandbox/main.ts reads the same process.argv and starts the server when loaded.
  await import('../sandbox/main');
}

void main();
