import { buildReport, packEvents, packLeads } from '../../../../src/core';
import { EngineError } from '../../../../src/state/engine/errors';
import { ENGINE_CHANNEL } from '../../../../src/state/engine/protocol';
import type {
  EngineRequest,
  EngineResponse,
  PackedInput,
} from '../../../../src/state/engine/protocol';
import { answer, createEngineCore, serveEngine } from '../../../../src/state/engine/serve';
import { A, at, B, input, lead, mv, wide } from '../../core/builders';

const data = input([lead(1, { statusId: B }), lead(2)], [mv(1, 2, A, B)]);
const packed: PackedInput = {
  ...data,
  leads: packLeads(data.leads),
  events: packEvents(data.events),
};

describe('createEngineCore', () => {
  it('answers from the data it was loaded with', () => {
    const core = createEngineCore();
    expect(core.handle({ id: 1, op: 'load', input: packed })).toEqual({ op: 'load', leads: 2 });
    expect(core.handle({ id: 2, op: 'report', options: wide })).toEqual({
      op: 'report',
      report: buildReport(data, wide),
    });
    const journey = core.handle({ id: 3, op: 'journey', leadId: 1, now: at(10), stuck: {} });
    expect(journey.op === 'journey' && journey.journey?.steps.map(s => s.statusId)).toEqual([A, B]);
  });

  it('replaces what it holds on each load', () => {
    const core = createEngineCore();
    core.handle({ id: 1, op: 'load', input: packed });
    const one = input([lead(7)]);
    core.handle({
      id: 2,
      op: 'load',
      input: { ...one, leads: packLeads(one.leads), events: packEvents(one.events) },
    });
    const r = core.handle({ id: 3, op: 'report', options: wide });
    expect(r.op === 'report' && r.report.totals.deals).toBe(1);
  });

  it('throws NO_DATA for a question before any load', () => {
    const core = createEngineCore();
    expect(() => core.handle({ id: 1, op: 'report', options: wide })).toThrow(EngineError);
    expect(() => core.handle({ id: 1, op: 'journey', leadId: 1, now: 0, stuck: {} })).toThrow(
      expect.objectContaining({ code: 'NO_DATA' }),
    );
  });
});

describe('answer', () => {
  it('wraps a result with the request’s id', () => {
    expect(answer(createEngineCore(), { id: 41, op: 'load', input: packed })).toEqual({
      id: 41,
      ok: true,
      result: { op: 'load', leads: 2 },
    });
  });

  it('keeps NO_DATA as its code, with an empty detail', () => {
    expect(answer(createEngineCore(), { id: 7, op: 'report', options: wide })).toEqual({
      id: 7,
      ok: false,
      code: 'NO_DATA',
      detail: '',
    });
  });

  it('maps anything else thrown to FAILED with its message', () => {
    const broken = { ...packed, leads: null } as unknown as PackedInput;
    const res = answer(createEngineCore(), { id: 8, op: 'load', input: broken });
    expect(res).toMatchObject({ id: 8, ok: false, code: 'FAILED' });
    expect(!res.ok && res.detail).toMatch(/\S/);
  });

  it('maps a non-Error throw to FAILED too', () => {
    const core = {
      handle: (): never => {
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- the point of the test
        throw 'plain string';
      },
    };
    expect(answer(core, { id: 9, op: 'report', options: wide })).toEqual({
      id: 9,
      ok: false,
      code: 'FAILED',
      detail: 'plain string',
    });
  });
});

describe('serveEngine', () => {
  function scope() {
    const listeners: ((e: { data: unknown }) => void)[] = [];
    const sent: unknown[] = [];
    serveEngine({
      addEventListener: (_type, l) => listeners.push(l),
      postMessage: m => sent.push(m),
    });
    return { send: (data: unknown) => listeners.forEach(l => l({ data })), sent };
  }

  it('answers each request in an envelope on the engine channel', () => {
    const s = scope();
    const load: EngineRequest = { id: 1, op: 'load', input: packed };
    s.send({ channel: ENGINE_CHANNEL, body: load });
    s.send({ channel: ENGINE_CHANNEL, body: { id: 2, op: 'report', options: wide } });
    expect(s.sent).toEqual([
      { channel: ENGINE_CHANNEL, body: { id: 1, ok: true, result: { op: 'load', leads: 2 } } },
      {
        channel: ENGINE_CHANNEL,
        body: { id: 2, ok: true, result: { op: 'report', report: buildReport(data, wide) } },
      },
    ]);
  });

  it('answers a failure as a response, and keeps serving', () => {
    const s = scope();
    s.send({ channel: ENGINE_CHANNEL, body: { id: 5, op: 'report', options: wide } });
    s.send({ channel: ENGINE_CHANNEL, body: { id: 6, op: 'load', input: packed } });
    const bodies = s.sent.map(m => (m as { body: EngineResponse }).body);
    expect(bodies[0]).toEqual({ id: 5, ok: false, code: 'NO_DATA', detail: '' });
    expect(bodies[1]).toMatchObject({ id: 6, ok: true });
  });

  it('ignores messages that are not ours', () => {
    const s = scope();
    s.send({ id: 1, op: 'load', input: packed });
    s.send({ channel: 'webpack-hmr', body: { id: 1, op: 'load', input: packed } });
    s.send(null);
    s.send('ping');
    expect(s.sent).toEqual([]);
  });
});
