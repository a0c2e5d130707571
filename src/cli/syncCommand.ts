import { parseArgs } from 'node:util';
import { ApiError, createApiClient, createTokenHttp } from '../api';
import type { BodyInfo } from '../api';
import { isValidTimeZone } from '../core';
import type { Pipeline } from '../core';
import { apiSource, readMeta, SYNC_OVERLAP_SECONDS } from '../sync';
import { baseUrl, readToken, TOKEN_ENV } from './connection';
import { CliError, EXIT, failure } from './errors';
import type { Io, StopSignal } from './io';
import { loadDataDir } from './loadDir';
import { positiveId } from './options';
import { createRunWriter, retireRuns } from './syncDir';
import type { RunWriter } from './syncDir';
import { explain } from './syncErrors';
import { openSyncFolder } from './syncLock';
import type { OpenedFolder } from './syncLock';
import { writeSyncState } from './syncState';
import { readAll, readSince, readWindow } from './syncPlan';
import { stoppable } from './stoppable';
import { checkTimeZone, parseTime } from './time';
import { waitReporter } from './waits';

export const SYNC_USAGE = `funnel-lens sync --base-url URL --out DIR [--token T | --token -] [--pipeline ID]
                 [--from T | --since T] [--insecure]

  --base-url URL    the account, e.g. https://example.amocrm.ru (or the sandbox's URL); plain
                    http only to this machine (localhost, 127.0.0.0/8, ::1) unless --insecure
  --token T         a long-lived token (amoCRM → Settings → Integrations), or the sandbox's token;
                    "--token -" reads it from the first line of standard input, and without
                    --token it is taken from ${TOKEN_ENV} (both keep it out of \`ps\`)
  --out DIR         where to save the response bodies that \`funnel-lens report\` reads
  --pipeline ID     only this pipeline's leads (default: every pipeline)
  --from T          a window-first dump, as the widget loads before its backfill: the pipeline's
                    leads created from T on, its open leads, and the stage changes into and out of
                    it from T on (needs --pipeline; read it with report --history-from T)
  --since T         only what changed since T (epoch seconds, ISO-8601, YYYY-MM-DD in the
                    account's time zone, or "last" for the previous sync into DIR)
  --insecure        allow plain http to another machine (the token travels unencrypted)

  Each run writes into a hidden temporary folder and becomes DIR/sync-<time>/ only when complete;
  Ctrl-C (or SIGTERM) removes it and leaves DIR as it was. 429s are waited out for up to 10 min.`;

/** amoCRM asks clients to wait out its 429s; ten minutes is the CLI's patience (issue 10). */
const WAIT_BUDGET_SECONDS = 600;

/** The pipeline asked for, from the pipelines read; a clear error when there is none. */
function pipelineOf(pipelines: readonly Pipeline[], id: number | null): Pipeline | null {
  if (id === null) return null;
  const found = pipelines.find(p => p.id === id);
  if (!found) throw new CliError(`--pipeline: the account has no pipeline ${id}.`);
  return found;
}

/**
 * Rejects on SIGINT/SIGTERM after removing the unfinished run at once (synchronously, so nothing
 * half-written survives even if the process is killed right after).
 */
function stopOnSignal(io: Io, out: string, cleanup: () => void) {
  let dispose = (): void => undefined;
  const stopped = new Promise<never>((_resolve, reject) => {
    dispose = io.onStop((signal: StopSignal) => {
      cleanup();
      reject(
        new CliError(
          `interrupted (${signal}): the unfinished sync was removed; ${out} holds what it held before.`,
          { exitCode: EXIT[signal] },
        ),
      );
    });
  });
  return { stopped, dispose: () => dispose() };
}

function parse(argv: string[]) {
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
      insecure: { type: 'boolean' },
    },
  });
  if (values.from !== undefined && values.since !== undefined)
    throw new CliError('--from and --since exclude each other.');
  if (values.from !== undefined && values.pipeline === undefined)
    throw new CliError('--from needs --pipeline: a window is read for one pipeline.');
  if (values['base-url'] === undefined) throw new CliError('--base-url URL is required.');
  if (values.out === undefined) throw new CliError('--out DIR is required.');
  return {
    ...values,
    out: values.out,
    origin: baseUrl(values['base-url'], values.insecure === true),
    pipelineId: values.pipeline === undefined ? null : positiveId(values.pipeline, '--pipeline'),
  };
}

export async function runSync(argv: string[], io: Io): Promise<void> {
  const args = parse(argv);
  const token = await readToken(args.token, io);
  const { out, origin } = args;
  const startedAt = Math.floor(io.now() / 1000);
  const folder = openSyncFolder(out, startedAt);
  for (const name of folder.cleaned)
    io.info(`removed ${name}: left in ${out} by an interrupted sync`);
  let writer: RunWriter | null = null;
  const { stopped, dispose } = stopOnSignal(io, out, () => {
    writer?.abandon();
    folder.release();
  });
  const waits = waitReporter(io);
  const stop = new AbortController();
  try {
    const work = sync({ ...args, token, startedAt, folder, waits, stop: stop.signal }, io, w => {
      writer = w;
    });
    await Promise.race([work, stopped]);
  } catch (error) {
    (writer as RunWriter | null)?.abandon();
    if (error instanceof ApiError) throw explain(error, new URL(origin).host);
    throw error;
  } finally {
    stop.abort();
    waits.stop();
    dispose();
    folder.release();
  }
}

interface SyncArgs {
  readonly out: string;
  readonly origin: string;
  readonly token: string;
  readonly pipelineId: number | null;
  readonly since?: string | undefined;
  readonly from?: string | undefined;
  readonly startedAt: number;
  readonly folder: OpenedFolder;
  readonly waits: ReturnType<typeof waitReporter>;
  readonly stop: AbortSignal;
}

async function sync(a: SyncArgs, io: Io, opened: (w: RunWriter) => void): Promise<void> {
  const { out, startedAt } = a;
  const state = a.folder.state;
  const incremental = a.since !== undefined;
  const known = incremental ? loadDataDir(out, () => undefined) : null;
  let syncedAt: number | null = null;
  if (a.since === 'last') {
    if (state.lastStartedAt === null)
      throw new CliError(`--since last: ${out} holds no earlier sync.`);
    syncedAt = state.lastStartedAt;
  } else if (a.since !== undefined) {
    const zone = checkTimeZone(known?.account?.timezone ?? 'UTC', 'the account body');
    // An explicit time is where to begin: the widget's overlap is for its own sync times.
    syncedAt = parseTime(a.since, zone, '--since') + SYNC_OVERLAP_SECONDS;
  }

  const writer = createRunWriter(out, startedAt, { replacing: incremental ? [] : state.runs });
  opened(writer);
  const client = createApiClient({
    http: createTokenHttp({ baseURL: a.origin, token: a.token }),
    sleep: io.sleep,
    onWait: a.waits.onWait,
    onBody: (body: BodyInfo) => writer.save(body),
    waitBudgetSeconds: WAIT_BUDGET_SECONDS,
  });
  const source = stoppable(apiSource(client), a.stop);
  io.progress('reading account, pipelines, users, loss reasons…');
  const meta = await readMeta(source, {
    held: null,
    parts: new Set(),
    readUsers: true,
    now: startedAt,
  });
  const pipeline = pipelineOf(meta.pipelines, a.pipelineId);
  const zone = meta.account.timezone ?? 'UTC';
  if (!isValidTimeZone(zone))
    throw failure(
      `amoCRM's answer to /api/v4/account is not what this tool reads at timezone: unknown time zone ${JSON.stringify(zone)}.`,
    );
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
      : a.from !== undefined && pipeline
        ? await readWindow({ ...plan, pipeline }, parseTime(a.from, zone, '--from'))
        : await readAll(plan);
  const run = writer.finish(
    { startedAt, full: !incremental, pipelineId: a.pipelineId, ...counts },
    Math.floor(io.now() / 1000),
  );
  // The state names the new run before the replaced ones go: a crash in between leaves orphans
  // the next sync removes, never a state pointing at missing folders.
  writeSyncState(out, {
    runs: [...(incremental ? state.runs : []), run],
    lastStartedAt: startedAt,
  });
  retireRuns(out, incremental ? [] : state.runs);
  io.info(
    `saved ${run.files} response bodies to ${run.dir} (${counts.leads} leads, ${counts.changes} stage changes)`,
  );
  io.info('next time, `--since last` fetches only what changed');
}
