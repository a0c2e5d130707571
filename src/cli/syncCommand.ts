import { parseArgs } from 'node:util';
import { ApiError, createApiClient, createTokenHttp, realSleep } from '../api';
import type { BodyInfo, WaitInfo } from '../api';
import type { Pipeline } from '../core';
import { apiSource, readMeta, SYNC_OVERLAP_SECONDS } from '../sync';
import { CliError } from './errors';
import type { Io } from './io';
import { loadDataDir } from './loadDir';
import { createRunWriter, readSyncState, retireRuns, writeSyncState } from './syncDir';
import { readAll, readSince, readWindow } from './syncPlan';
import { checkTimeZone, parseTime } from './time';

export const SYNC_USAGE = `funnel-lens sync --base-url URL --token T --out DIR [--pipeline ID]
                 [--from T | --since T]

  --base-url URL    the account, e.g. https://example.amocrm.ru (or the sandbox's URL)
  --token T         a long-lived token (amoCRM → Settings → Integrations), or the sandbox's token
  --out DIR         where to save the response bodies that \`funnel-lens report\` reads
  --pipeline ID     only this pipeline's leads (default: every pipeline)
  --from T          a window-first dump, as the widget loads before its backfill: the pipeline's
                    leads created from T on, its open leads, and the stage changes into and out of
                    it from T on (needs --pipeline; read it with report --history-from T)
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

/** The pipeline asked for, from the pipelines read; a clear error when there is none. */
function pipelineOf(pipelines: readonly Pipeline[], id: number | null): Pipeline | null {
  if (id === null) return null;
  const found = pipelines.find(p => p.id === id);
  if (!found) throw new CliError(`--pipeline: the account has no pipeline ${id}.`);
  return found;
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
      from: { type: 'string' },
    },
  });
  if (values.from !== undefined && values.since !== undefined)
    throw new CliError('--from and --since exclude each other.');
  if (values.from !== undefined && values.pipeline === undefined)
    throw new CliError('--from needs --pipeline: a window is read for one pipeline.');
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
  let syncedAt: number | null = null;
  if (values.since === 'last') {
    if (state.lastStartedAt === null)
      throw new CliError(`--since last: ${out} holds no earlier sync.`);
    syncedAt = state.lastStartedAt;
  } else if (values.since !== undefined) {
    const zone = checkTimeZone(known?.account?.timezone ?? 'UTC', 'the account body');
    // An explicit time is where to begin: the widget's overlap is for its own sync times.
    syncedAt = parseTime(values.since, zone, '--since') + SYNC_OVERLAP_SECONDS;
  }

  const startedAt = Math.floor(io.now() / 1000);
  const writer = createRunWriter(out, startedAt, {
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
    const source = apiSource(client);
    io.progress('reading account, pipelines, users, loss reasons…');
    const meta = await readMeta(source, {
      held: null,
      parts: new Set(),
      readUsers: true,
      now: startedAt,
    });
    const pipeline = pipelineOf(meta.pipelines, pipelineId);
    const zone = checkTimeZone(meta.account.timezone ?? 'UTC', 'the account body');
    const plan = {
      source,
      pipeline,
      pipelines: meta.pipelines,
      until: startedAt,
      onProgress: (text: string) => io.progress(text),
    };
    const counts =
      syncedAt !== null
        ? await readSince(plan, syncedAt, known?.leads ?? [])
        : values.from !== undefined && pipeline
          ? await readWindow({ ...plan, pipeline }, parseTime(values.from, zone, '--from'))
          : await readAll(plan);
    const run = writer.finish({ startedAt, full: !incremental, pipelineId });
    retireRuns(out, incremental ? [] : state.runs);
    writeSyncState(out, {
      runs: [...(incremental ? state.runs : []), run],
      lastStartedAt: startedAt,
    });
    io.info(
      `saved ${run.files} response bodies to ${run.dir} (${counts.leads} leads, ${counts.changes} stage changes)`,
    );
    io.info('next time, `--since last` fetches only what changed');
  } catch (error) {
    writer.abandon();
    if (error instanceof ApiError) throw explain(error) ?? error;
    throw error;
  }
}
