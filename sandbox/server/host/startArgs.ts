/**
 * `npm start` options. Parsing is separate from starting so every bad option gets a message that
 * names it (and the CLI exits 2) before anything is generated or bound.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEMO_DEFAULT_LEADS, DEMO_DEFAULT_SEED, DEMO_MAX_LEADS } from '../../demo';
import { DEFAULT_PORT } from '../app';
import { FAULT_PRESET_NAMES, isFaultPresetName, type FaultPresetName } from '../faults/config';
import { HOST_LANGS, langSchema, type HostLang, type HostPlatform } from '../../host/protocol';
import { DEFAULT_WIDGET_DIR } from './plugin';

export interface StartArgs {
  readonly port: number;
  readonly leads: number;
  readonly seed: number;
  readonly faults: FaultPresetName | undefined;
  readonly token: string | undefined;
  /** Epoch seconds. */
  readonly now: number;
  readonly widgetDir: string;
  readonly platform: HostPlatform;
  /** The demo account's language; ru in amoCRM mode and en in Kommo mode unless given. */
  readonly demoLang: HostLang;
}

export type StartArgsResult =
  | { readonly kind: 'help' }
  | { readonly kind: 'ok'; readonly args: StartArgs }
  | { readonly kind: 'error'; readonly message: string };

export const START_USAGE = `Usage: npm start -- [options]   (or: tsx sandbox/main.ts [options])

Runs the local amoCRM sandbox: the demo account, the API v4 emulator and the amoCRM pages with
the widget loaded into them, on http://127.0.0.1:<port> (with --kommo: Kommo's look, opened at
http://demo.kommo.localhost:<port>, which browsers resolve to this machine).

Options:
  --port N          port to listen on (default ${DEFAULT_PORT}, or $PORT)
  --leads N         leads in the demo account, 0..${DEMO_MAX_LEADS} (default ${DEMO_DEFAULT_LEADS})
  --seed S          demo generator seed, an integer (default ${DEMO_DEFAULT_SEED})
  --now T           the demo's "today": epoch seconds or an ISO date (default: the current time)
  --faults NAME     start with a fault preset: ${FAULT_PRESET_NAMES.join(', ')}
  --token T         API token acting as the administrator (default sandbox-token)
  --widget-dir DIR  the built widget to load (default dist/widget)
  --kommo           play Kommo instead of amoCRM (its look and host name; the widget says Kommo)
  --demo-lang L     the demo account's language and currency: ${HOST_LANGS.join(', ')}
                    (default ru, or en with --kommo): names, stages, loss reasons, prices
  -h, --help        show this help
`;

class OptionError extends Error {}

function integer(name: string, raw: string, min: number, max: number): number {
  const value = /^-?\d+$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new OptionError(`--${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function epochSeconds(raw: string): number {
  const trimmed = raw.trim();
  if (/^\d+$/.test(trimmed)) return integer('now', trimmed, 0, Number.MAX_SAFE_INTEGER);
  const ms = /^\d{4}-\d{2}-\d{2}/.test(trimmed) ? Date.parse(trimmed) : Number.NaN;
  if (Number.isNaN(ms)) {
    throw new OptionError(
      `--now must be epoch seconds or an ISO date such as 2025-06-30T12:00:00Z, got "${raw}"`,
    );
  }
  return Math.floor(ms / 1000);
}

function token(raw: string): string {
  if (!/^[^\s:]+$/.test(raw)) {
    throw new OptionError(
      '--token must be non-empty, without spaces or ":" (":<userId>" is appended to act as a user)',
    );
  }
  return raw;
}

function demoLang(raw: string): HostLang {
  const parsed = langSchema.safeParse(raw);
  if (!parsed.success) {
    throw new OptionError(`--demo-lang must be one of ${HOST_LANGS.join(', ')}, got "${raw}"`);
  }
  return parsed.data;
}

function faults(raw: string): FaultPresetName {
  if (!isFaultPresetName(raw)) {
    throw new OptionError(`--faults must be one of ${FAULT_PRESET_NAMES.join(', ')}, got "${raw}"`);
  }
  return raw;
}

export function parseStartArgs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  nowMs: number,
  cwd: string = process.cwd(),
): StartArgsResult {
  try {
    const { values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        leads: { type: 'string' },
        seed: { type: 'string' },
        now: { type: 'string' },
        faults: { type: 'string' },
        token: { type: 'string' },
        'widget-dir': { type: 'string' },
        kommo: { type: 'boolean' },
        'demo-lang': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help === true) return { kind: 'help' };
    const portRaw = values.port ?? env.PORT;
    const widgetDir = values['widget-dir'];
    const kommo = values.kommo === true;
    const lang = values['demo-lang'];
    return {
      kind: 'ok',
      args: {
        port: portRaw === undefined ? DEFAULT_PORT : integer('port', portRaw, 0, 65_535),
        leads:
          values.leads === undefined
            ? DEMO_DEFAULT_LEADS
            : integer('leads', values.leads, 0, DEMO_MAX_LEADS),
        seed:
          values.seed === undefined
            ? DEMO_DEFAULT_SEED
            : integer('seed', values.seed, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER),
        now: values.now === undefined ? Math.floor(nowMs / 1000) : epochSeconds(values.now),
        faults: values.faults === undefined ? undefined : faults(values.faults),
        token: values.token === undefined ? undefined : token(values.token),
        widgetDir: widgetDir === undefined ? DEFAULT_WIDGET_DIR : path.resolve(cwd, widgetDir),
        platform: kommo ? 'kommo' : 'amocrm',
        demoLang: lang === undefined ? (kommo ? 'en' : 'ru') : demoLang(lang),
      },
    };
  } catch (error) {
    if (error instanceof OptionError) return { kind: 'error', message: error.message };
    // node:util parseArgs: unknown option, missing value, stray positional (ERR_PARSE_ARGS_*).
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      return { kind: 'error', message: (error as Error).message };
    }
    throw error;
  }
}
