/**
 * `npm start`: the local amoCRM on this machine — the demo account in memory, the API v4 emulator
 * and the amoCRM pages running the built widget — until Ctrl-C. Exit codes: 2 for bad options or
 * a widget directory that cannot be served, 1 when the server cannot start.
 */
import { DEFAULT_TOKEN } from './server';
import {
  parseStartArgs,
  START_USAGE,
  startHostSandbox,
  WidgetDirError,
  type RunningHostSandbox,
  type StartArgs,
} from './server/host';

function describe(sandbox: RunningHostSandbox, args: StartArgs): string {
  const token = args.token ?? DEFAULT_TOKEN;
  const users = sandbox.ctx.account.users.filter(user => user.is_active);
  const width = Math.max(...users.map(user => user.name.length));
  const userLines = users.map(user => {
    const role = user.is_admin ? 'admin' : `manager, sees ${user.leads_view}`;
    const login = `${sandbox.pageUrl}/_sandbox/login?user=${user.id}&next=/`;
    return `    ${String(user.id).padEnd(9)} ${user.name.padEnd(width)}  ${role.padEnd(16)} ${login}`;
  });
  return [
    '',
    `${args.platform === 'kommo' ? 'Kommo' : 'amoCRM'} sandbox is up — account "${sandbox.ctx.account.account.name}", ${sandbox.ctx.account.leads.length} leads (seed ${args.seed}, demo in ${args.demoLang}, ${sandbox.ctx.account.account.currency})`,
    '',
    `  Open the leads list:  ${sandbox.leadsUrl}`,
    `  Widget:               ${sandbox.widgetCode} from ${sandbox.widgetDir}`,
    `  Integrations:         ${sandbox.pageUrl}/settings/widgets/`,
    '',
    `  API token: ${token}  (acts as the administrator; "${token}:<userId>" acts as that user)`,
    `    curl -H "Authorization: Bearer ${token}" ${sandbox.url}/api/v4/leads/pipelines`,
    '',
    '  Users (switch in the page header, or open the login link):',
    ...userLines,
    '',
    `  Faults: ${args.faults ?? 'none'} (change: POST ${sandbox.url}/_sandbox/faults {"preset":"flaky"})`,
    '  Press Ctrl-C to stop.',
    '',
  ].join('\n');
}

async function main(): Promise<number> {
  const parsed = parseStartArgs(process.argv.slice(2), process.env, Date.now());
  if (parsed.kind === 'help') {
    process.stdout.write(START_USAGE);
    return 0;
  }
  if (parsed.kind === 'error') {
    process.stderr.write(`sandbox: ${parsed.message}\n\n${START_USAGE}`);
    return 2;
  }
  const { args } = parsed;
  let sandbox: RunningHostSandbox;
  try {
    sandbox = await startHostSandbox({
      port: args.port,
      demo: { seed: args.seed, leads: args.leads, now: args.now, lang: args.demoLang },
      platform: args.platform,
      widgetDir: args.widgetDir,
      ...(args.faults !== undefined && { faults: args.faults }),
      ...(args.token !== undefined && { token: args.token }),
    });
  } catch (error) {
    if (error instanceof WidgetDirError) {
      process.stderr.write(
        `sandbox: ${error.message}\nBuild the widget (npm run build) or pass --widget-dir DIR.\n`,
      );
      return 2;
    }
    const code = (error as { code?: unknown }).code;
    if (code === 'EADDRINUSE') {
      process.stderr.write(`sandbox: port ${args.port} is in use; pass --port N or set PORT.\n`);
      return 1;
    }
    throw error;
  }
  process.stdout.write(describe(sandbox, args));

  await new Promise<void>(resolve => {
    const stop = (signal: NodeJS.Signals) => {
      process.stdout.write(`\n${signal}: stopping the sandbox…\n`);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await sandbox.close();
  return 0;
}

main().then(
  code => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `sandbox: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
