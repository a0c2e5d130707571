/**
 * The data model: the page's view of the data service's status, over a fake service whose status
 * the test sets (test/support/fakeService.ts).
 */
import { effect } from '@preact/signals-core';
import type { Pipeline } from '../../../src/core';
import { DataModel } from '../../../src/state/dataModel';
import { INITIAL_STATUS } from '../../../src/state/service/types';
import type { DataService, ServiceStatus } from '../../../src/state/service/types';
import { demoInput, PIPELINE_IDS } from '../../support/demo';
import { fakeService } from '../../support/fakeService';

const input = demoInput();
const other: Pipeline = { ...input.pipeline, id: PIPELINE_IDS.repeat, name: 'Повторные' };

const live: DataModel[] = [];
afterEach(() => {
  for (const m of live.splice(0)) m[Symbol.dispose]();
});

function setup(status: Partial<ServiceStatus> = {}) {
  const service = fakeService(input, status);
  const model = new DataModel({ service, pipelineId: input.pipeline.id });
  live.push(model);
  return { service, model };
}

describe('DataModel', () => {
  it('follows the service’s status from the first one it hears', () => {
    const { service, model } = setup({ version: 0, phase: 'none' });
    expect(model.status.value).toEqual(service.status());
    expect(model.version.value).toBe(0);
    const next: Partial<ServiceStatus> = {
      version: 3,
      phase: 'window',
      heldFrom: 1_700_000_000,
      activity: {
        kind: 'syncing',
        stage: 'backfill',
        fraction: 0.4,
        secondsLeft: 12,
        requests: 9,
        heldFrom: 1_690_000_000,
      },
    };
    service.setStatus(next);
    expect(model.status.value).toEqual({ ...service.status(), ...next });
    expect(model.version.value).toBe(3);
  });

  it('starts at INITIAL_STATUS until the service says anything', () => {
    const silent: DataService = { ...fakeService(input), subscribe: () => () => undefined };
    const model = new DataModel({ service: silent, pipelineId: input.pipeline.id });
    live.push(model);
    expect(model.status.value).toBe(INITIAL_STATUS);
    expect(INITIAL_STATUS).toMatchObject({ phase: 'none', activity: { kind: 'opening' } });
    expect(model.version.value).toBe(0);
    expect(model.pipeline.value).toBeNull();
  });

  it('gives the error and the wait as the service reports them', () => {
    const { service, model } = setup();
    expect(model.error.value).toBeNull();
    expect(model.wait.value).toBeNull();
    service.setStatus({ error: { code: 'UNAUTHORIZED', status: 401 } });
    expect(model.error.value).toEqual({ code: 'UNAUTHORIZED', status: 401 });
    const wait = {
      reason: 'rate_limited',
      seconds: 2,
      attempt: 1,
      until: 5_000,
      budgetLeftSeconds: 598,
    } as const;
    service.setStatus({ error: null, wait });
    expect(model.error.value).toBeNull();
    expect(model.wait.value).toEqual(wait);
  });

  it('finds its pipeline by id among the account’s', () => {
    const { service, model } = setup({ pipelines: [other, input.pipeline] });
    expect(model.pipeline.value).toBe(input.pipeline);
    expect(model.pipelines.value).toEqual([other, input.pipeline]);
    service.setStatus({ pipelines: [other] });
    expect(model.pipeline.value).toBeNull();
    expect(model.pipelines.value).toEqual([other]);
    service.setStatus({ pipelines: [] });
    expect(model.pipelines.value).toEqual([]);
  });

  it('recomputes what reads the version only when it moves', () => {
    const { service, model } = setup();
    const seen: number[] = [];
    const stop = effect(() => {
      seen.push(model.version.value);
    });
    service.setStatus({ activity: { kind: 'other-tab' } });
    service.setStatus({ version: 2 });
    service.setStatus({ activity: { kind: 'idle' } });
    stop();
    expect(seen).toEqual([1, 2]);
  });

  it('hands refresh to the service', () => {
    const { service, model } = setup();
    model.refresh();
    model.refresh();
    expect(service.refreshes()).toBe(2);
  });

  it('exposes read-only signals', () => {
    const { model } = setup();
    const { status, version, error, wait, pipeline, pipelines } = model;
    for (const sig of [status, version, error, wait, pipeline, pipelines]) {
      const before = sig.value;
      expect(() => {
        (sig as { value: unknown }).value = INITIAL_STATUS;
      }).toThrow();
      expect(sig.value).toBe(before);
    }
  });

  it('stops listening once disposed', () => {
    const { service, model } = setup();
    const before = model.status.value;
    model[Symbol.dispose]();
    service.setStatus({ version: 9 });
    expect(model.status.value).toBe(before);
  });
});
