/**
 * The engine worker is created on the task after the mount: until then messages wait in order,
 * listeners wait to be attached, and a worker that cannot be created reports an error as a dead
 * one does (the data service then moves to the page).
 */
import type { WorkerLike } from '../../../src/state';
import { startedLater } from '../../../widget/browser';

function recordingWorker() {
  const posted: unknown[] = [];
  const types: string[] = [];
  let terminated = false;
  const listeners: ((event: { data: unknown }) => void)[] = [];
  const worker: WorkerLike = {
    postMessage: m => posted.push(m),
    addEventListener: (type: 'message' | 'error', l: (event: never) => void) => {
      types.push(type);
      if (type === 'message') listeners.push(l as (event: { data: unknown }) => void);
    },
    terminate: () => {
      terminated = true;
    },
  };
  return {
    worker,
    posted,
    types,
    terminated: () => terminated,
    emit: (data: unknown) => listeners.forEach(l => l({ data })),
  };
}

const nextTask = () => new Promise(resolve => setTimeout(resolve, 0));

describe('startedLater', () => {
  it('creates the worker on a later task, then delivers what waited, in order', async () => {
    const real = recordingWorker();
    let created = 0;
    const w = startedLater(() => {
      created++;
      return real.worker;
    });
    const heard: unknown[] = [];
    w.addEventListener('message', e => heard.push(e.data));
    w.postMessage('start');
    w.postMessage('ask');
    expect(created).toBe(0);
    await nextTask();
    expect(created).toBe(1);
    expect(real.posted).toEqual(['start', 'ask']);
    expect(real.types).toEqual(['message']);
    real.emit('status');
    w.postMessage('refresh');
    w.addEventListener('error', () => undefined);
    expect(real.posted).toEqual(['start', 'ask', 'refresh']);
    expect(real.types).toEqual(['message', 'error']);
    expect(heard).toEqual(['status']);
    w.terminate();
    expect(real.terminated()).toBe(true);
  });

  it('reports a worker that cannot be created to its error listeners, and to nothing else', async () => {
    const errors: unknown[] = [];
    const messages: unknown[] = [];
    const w = startedLater(() => {
      throw new Error('CSP forbids blob: workers');
    });
    w.addEventListener('error', e => errors.push(e));
    w.addEventListener('message', e => messages.push(e));
    w.postMessage('start');
    await nextTask();
    expect(errors).toHaveLength(1);
    expect(messages).toEqual([]);
  });

  it('creates nothing when terminated before its turn', async () => {
    let created = 0;
    const w = startedLater(() => {
      created++;
      return recordingWorker().worker;
    });
    w.postMessage('start');
    w.terminate();
    await nextTask();
    expect(created).toBe(0);
  });
});
