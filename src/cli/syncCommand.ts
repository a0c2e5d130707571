import { parseArgs } from 'node:util';
import { ApiError, createApiClient, createTokenHttp, realSleep } from '../api';
import type { BodyInfo, WaitInfo } from '../api';
import { syncPipeline } from '../sync';
import type { SyncProgress } from '../sync';
import { CliError } from './errors';
import type { Io } from './io';
import { loadDataDir } from './loadDir';
import { createRunWriter, readSyncState, retireRuns, writeSyncState } from './syncDir';
import { checkTimeZone, parseTime } from './time';

export const SYNC_USAGE = `funnel-lens sync --base-url URL --token T --out DIR [--pipeline ID] [--since T]

  --base-url URL    the account, e.g. https://example.amocrm.ru (or the sandbox's URL)
  --token T         a long-lived token (amoCRM → Settings → Integrations), or the sandbox's token
  --out DIR         where to save the response bodies that \`funnel-lens report\` reads
  --pipeline ID     only this pipeline's leads (default: every pipeline)
  --since T         only what changed since T (epoch seconds, ISO-8601, YYYY-MM-DD in the
                    account's time zone, or "last" for the previous sync into DIR)`;

function baseUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new CliError(`--base-url: "${text}" is not a URL (e.g. https://example.amocrm.ru).`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new CliError(`--base-url: use http(s), got ${url.protocol}`);
  }
  // Requests go to <origin>/api/v4 only; a path given here would be ignored, so say so early.
  return url.origin;
}

function explain(error: ApiError): CliError | null {
  const where = error.path ? ` for ${error.path}` : '';
  const detail = error.detail ? ` (${error.detail})` : '';
  if (error.code === 'UNAUTHORIZED') {
    return new CliError(
      `amoCRM answered 401 Unauthorized${detail}: the token is invalid or expired. Create a new long-lived token in amoCRM → Settings → Integrations.`,
    );
  }
  if (error.code === 'FORBIDDEN') {
    return new CliError(
      `amoCRM answered 403 Forbidden${where}${detail}: this user has no access, or the account is temporarily blocked for exceeding the rate limit.`,
    );
  }
  if (error.code === 'PAYMENT_REQUIRED')
    return new CliError(
      `amoCRM answered 402 Payment Required${detail}: the account's subscription has ended.`,
    );
  if (error.code === 'NOT_FOUND' && error.path?.startsWith('/api/v4/leads/pipelines/')) {
    return new CliError(
      `--pipeline: the account has no pipeline ${error.path.split('/').pop() ?? ''}.`,
    );
  }
  return null;
}

function progressLine(p: SyncProgress): string {
  const n = new Intl.NumberFormat('en-US');
  if (p.phase === 'meta') return 'reading account, pipelines, users, loss reasons…';
  return `${p.phase}: ${n.format(p.pages)} pages · ${n.format(p.leads)} leads · ${n.format(p.events)} events`;
}

export async function runSync(argv: string[], io: Io): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      'base-url': { type: 'string' },
      token: { type: 'string' },
      out: { type: 'string' },
      pipeline: { type: 'string' },
      since: { type: 'string' },
    },
  });
  if (values['base-url'] === undefined) throw new CliError('--base-url URL is required.');
  if (values.token === undefined || values.token === '')
    throw new CliError('--token T is required.');
  if (values.out === undefined) throw new CliError('--out DIR is required.');
  const origin = baseUrl(values['base-url']);
  const out = values.out;
  const pipelineId = values.pipeline === undefined ? null : Number(values.pipeline);
  if (pipelineId !== null && (!Number.isSafeInteger(pipelineId) || pipelineId <= 0)) {
    throw new CliError(`--pipeline: expected a positive integer, got "${values.pipeline ?? ''}".`);
  }

  const state = readSyncState(out);
  const incremental = values.since !== undefined;
  const known = incremental ? loadDataDir(out, () => undefined) : null;
  let since: number | null = null;
  if (values.since === 'last') {
    if (state.lastStartedAt === null)
      throw new CliError(`--since last: ${out} holds no earlier sync.`);
    since = state.lastStartedAt;
  } else if (values.since !== undefined) {
    const zone = checkTimeZone(known?.account?.timezone ?? 'UTC', 'the account body');
    since = parseTime(values.since, zone, '--since');
  }

  const writer = createRunWriter(out, Math.floor(io.now() / 1000), {
    replacing: incremental ? [] : state.runs,
  });
  const onWait = (w: WaitInfo) => {
    const why =
      w.reason === 'rate_limited'
        ? 'rate limited by amoCRM'
        : w.reason === 'server_error'
          ? 'amoCRM server error'
          : 'network error';
    io.warn(`${why} — retrying in ${w.seconds} s (retry ${w.attempt})`);
  };
  const client = createApiClient({
    http: createTokenHttp({ baseURL: origin, token: values.token }),
    sleep: realSleep,
    onWait,
    onBody: (body: BodyInfo) => writer.save(body),
  });
  try {
    const result = await syncPipeline(client, {
      pipelineId,
      since,
      knownLeadIds: new Set(
        (known?.leads ?? [])
          .filter(l => pipelineId === null || l.pipelineId === pipelineId)
          .map(l => l.id),
      ),
      now: () => Math.floor(io.now() / 1000),
      onProgress: p => io.progress(progressLine(p)),
    });
    for (const gap of result.incomplete) {
      io.warn(
        `${gap.list}: paging stopped early (${gap.end.reason} after ${gap.end.pages} pages); run the sync again`,
      );
    }
    const run = writer.finish({ startedAt: result.startedAt, full: result.full, pipelineId });
    retireRuns(out, incremental ? [] : state.runs);
    writeSyncState(out, {
      runs: [...(incremental ? state.runs : []), run],
      lastStartedAt: result.startedAt,
    });
    io.info(
      `saved ${run.files} response bodies to ${run.dir} (${result.leads.length} leads, ${result.events.length} stage changes)`,
    );
    io.info('next time, `--since last` fetches only what changed');
  } catch (error) {
    writer.abandon();
    if (error instanceof ApiError) throw explain(error) ?? error;
    throw error;
  }
}
