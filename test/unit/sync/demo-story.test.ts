/**
 * The demo account's funnel story, read the way the widget reads it (sync over the emulator) and
 * computed by the engine: the product's demo must show what the README promises.
 */
import { createApiClient, createTokenHttp } from '../../../src/api';
import { modelFromFacts, buildFunnel, reportFromModel } from '../../../src/core';
import { apiSource, createKeeper, createMemoryStore } from '../../../src/sync';
import {
  DEMO_DEFAULT_LEADS,
  DEMO_DEFAULT_SEED,
  generateDemoAccount,
  PIPELINE_IDS,
  STATUS_IDS,
} from '../../../sandbox/demo';
import { startSandbox } from '../../../sandbox/server';

const NOW = Date.UTC(2026, 10, 26, 9) / 1000;
const [, taken, qualified, proposal] = STATUS_IDS.main.open;
// A year of a 3,000-lead account, synced over HTTP: seconds, more on a loaded machine.
jest.setTimeout(60_000);

it('shows Квалифицирован → Отправлено КП as the weakest transition, ~30% lost before work starts', async () => {
  const account = generateDemoAccount({
    seed: DEMO_DEFAULT_SEED,
    leads: DEMO_DEFAULT_LEADS,
    now: NOW,
  });
  const sandbox = await startSandbox({ account, port: 0, rateLimit: { enabled: false } });
  try {
    const client = createApiClient({
      http: createTokenHttp({ baseURL: sandbox.url, token: 'sandbox-token' }),
      rateLimit: { limit: 1000, intervalMs: 1000 },
    });
    const keeper = createKeeper({
      scope: { accountId: 1, userId: 1, pipelineId: PIPELINE_IDS.main },
      cache: createMemoryStore(),
      source: apiSource(client),
      readUsers: true,
      now: () => NOW,
      windowFrom: now => now - 60 * 86400,
      target: () => null,
    });
    for (let kind = keeper.next(); kind !== null; kind = keeper.next()) await keeper.step(kind);
    const meta = keeper.meta()!;
    const store = keeper.store()!;
    const pipeline = meta.pipelines.find(p => p.id === PIPELINE_IDS.main)!;
    const model = modelFromFacts(
      buildFunnel(pipeline),
      pipeline,
      meta.lossReasons,
      store.allFacts(),
      null,
    );
    const report = (days: number) =>
      reportFromModel(model, { from: NOW - days * 86400, to: NOW, now: NOW });
    for (const days of [30, 90, 365]) {
      expect(report(days).weakestTransition).toMatchObject({
        fromStageId: qualified,
        toStageId: proposal,
      });
    }
    const year = report(365);
    const lostEarly = year.stages[0]!.lostHere / year.totals.deals;
    expect(lostEarly).toBeGreaterThan(0.2);
    expect(lostEarly).toBeLessThan(0.4);
    expect(year.stages.find(s => s.id === taken)!.reached).toBeLessThan(year.stages[0]!.reached);
    expect(year.stuck.length).toBeGreaterThan(10);
    expect(year.stages.reduce((n, s) => n + s.skipped, 0)).toBeGreaterThan(0);
    expect(year.stages.reduce((n, s) => n + s.movedBack, 0)).toBeGreaterThan(0);
  } finally {
    await sandbox.close();
  }
});
