/**
 * The widget never claims what is not so (issue 10): after a failed sync the notice says what the
 * numbers on screen are — computed from the held copy (with its moment), the last visit's, or
 * none yet — and when the service tries again. Over real models and the fake data service.
 */
import { DataModel } from '../../../src/state/dataModel';
import { syncNotice } from '../../../src/state/notice';
import { ReportModel } from '../../../src/state/reportModel';
import type { ReportInit } from '../../../src/state/reportModel';
import { INITIAL_STATUS } from '../../../src/state/service/types';
import type { ServiceStatus, SyncFailure } from '../../../src/state/service/types';
import { DEFAULT_SETTINGS } from '../../../src/state/settings';
import { DEMO_NOW, demoInput } from '../../support/demo';
import { fakeService } from '../../support/fakeService';
import { recordingTimers, settle } from '../../support/stateFakes';

const input = demoInput();
const PANEL: ReportInit = { period: { kind: 'last_30' }, deals: 'byStage' };
const LIMITED: SyncFailure = { code: 'RATE_LIMITED', status: 429 };
const RETRY_AT = DEMO_NOW * 1000 + 120_000;
/** A first load that failed: nothing held. */
const FIRST_LOAD_FAILED: Partial<ServiceStatus> = {
  phase: 'none',
  version: 0,
  syncedAt: null,
  error: LIMITED,
  retryAt: RETRY_AT,
};

const live: { dispose(): void }[] = [];
afterEach(() => {
  for (const m of live.splice(0)) m.dispose();
});

function models(status: Partial<ServiceStatus>, storage?: Map<string, string>) {
  const service = fakeService(input, status);
  const data = new DataModel({ service, pipelineId: input.pipeline.id });
  const report = new ReportModel(
    {
      data,
      service,
      settings: DEFAULT_SETTINGS,
      timeZone: 'Europe/Moscow',
      clock: () => DEMO_NOW * 1000,
      timers: recordingTimers(),
      snapshots: storage && {
        storage: { get: k => storage.get(k) ?? null, set: (k, v) => void storage.set(k, v) },
        at: 'snapshot:1',
      },
    },
    PANEL,
  );
  live.push({ dispose: () => report[Symbol.dispose]() }, { dispose: () => data[Symbol.dispose]() });
  return { service, data, report };
}

describe('syncNotice', () => {
  const status = (patch: Partial<ServiceStatus>): ServiceStatus => ({
    ...INITIAL_STATUS,
    ...patch,
  });

  it('is null while nothing failed', () => {
    expect(syncNotice(status({}), { computed: true, snapshotAt: null })).toBeNull();
  });

  it('says the numbers are the held copy’s, as of its last sync, and when it retries', () => {
    const s = status({ error: LIMITED, syncedAt: DEMO_NOW - 600, retryAt: RETRY_AT });
    expect(syncNotice(s, { computed: true, snapshotAt: null })).toEqual({
      failure: LIMITED,
      shown: { kind: 'held', syncedAt: DEMO_NOW - 600 },
      retryAt: RETRY_AT,
    });
  });

  it('says a snapshot is the last visit’s, of its moment', () => {
    const s = status({ error: LIMITED, retryAt: null });
    expect(syncNotice(s, { computed: false, snapshotAt: DEMO_NOW - 3600 })?.shown).toEqual({
      kind: 'snapshot',
      at: DEMO_NOW - 3600,
    });
  });

  it('says nothing is shown when nothing is', () => {
    const s = status({ error: { code: 'UNAUTHORIZED', status: 401 } });
    expect(syncNotice(s, { computed: false, snapshotAt: null })).toEqual({
      failure: { code: 'UNAUTHORIZED', status: 401 },
      shown: { kind: 'nothing' },
      retryAt: null,
    });
  });
});

describe('ReportModel.notice: what the panel is showing when a sync fails', () => {
  it('a failed first load with nothing kept: nothing yet, and when it retries', async () => {
    const { report } = models(FIRST_LOAD_FAILED);
    await settle();
    expect(report.report.value).toBeNull();
    expect(report.notice.value).toEqual({
      failure: LIMITED,
      shown: { kind: 'nothing' },
      retryAt: RETRY_AT,
    });
  });

  it('a failed first load over the last visit’s numbers: those, of their moment', async () => {
    const storage = new Map<string, string>();
    // A visit that computed the numbers and kept them.
    const first = models({}, storage);
    await settle();
    expect(first.report.report.value).not.toBeNull();
    first.report[Symbol.dispose]();

    const next = models(FIRST_LOAD_FAILED, storage);
    await settle();
    expect(next.report.report.value).not.toBeNull();
    expect(next.report.snapshotAt.value).not.toBeNull();
    expect(next.report.notice.value?.shown).toEqual({
      kind: 'snapshot',
      at: next.report.snapshotAt.value,
    });
  });

  it('a failed refresh under computed numbers: those, as of the last sync', async () => {
    const { service, report } = models({ syncedAt: DEMO_NOW - 900 });
    await settle();
    expect(report.notice.value).toBeNull();
    service.setStatus({ error: { code: 'SERVER', status: 502 }, retryAt: RETRY_AT });
    expect(report.notice.value).toEqual({
      failure: { code: 'SERVER', status: 502 },
      shown: { kind: 'held', syncedAt: DEMO_NOW - 900 },
      retryAt: RETRY_AT,
    });
    service.setStatus({ error: null, retryAt: null });
    expect(report.notice.value).toBeNull();
  });

  it('the lead card’s (DataModel) notice: the held copy once there is one, else nothing', () => {
    const { service, data } = models(FIRST_LOAD_FAILED);
    expect(data.notice.value?.shown).toEqual({ kind: 'nothing' });
    service.setStatus({ version: 1, syncedAt: DEMO_NOW });
    expect(data.notice.value?.shown).toEqual({ kind: 'held', syncedAt: DEMO_NOW });
  });
});
