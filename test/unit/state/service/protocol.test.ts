import { envelope, isEnvelope, SERVICE_CHANNEL } from '../../../../src/state/service/protocol';
import type { ToWorker } from '../../../../src/state/service/protocol';

describe('envelope', () => {
  it('tags a body with the service channel', () => {
    const body: ToWorker = { op: 'refresh' };
    expect(envelope(body)).toEqual({ channel: SERVICE_CHANNEL, body });
    expect(envelope(body).body).toBe(body);
  });

  it('makes what isEnvelope accepts, and survives structured cloning', () => {
    const message = envelope({
      op: 'ask',
      id: 3,
      question: { op: 'partial', period: { from: 1, to: 2 } },
    });
    expect(isEnvelope(message)).toBe(true);
    expect(structuredClone(message)).toEqual(message);
    expect(isEnvelope(structuredClone(message))).toBe(true);
  });
});

describe('isEnvelope', () => {
  it('accepts anything tagged with the service channel', () => {
    expect(isEnvelope({ channel: SERVICE_CHANNEL, body: { op: 'dispose' } })).toBe(true);
    expect(isEnvelope({ channel: SERVICE_CHANNEL })).toBe(true);
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['the channel name alone', SERVICE_CHANNEL],
    ['a number', 1],
    ['an object without a channel', { body: {} }],
    ['the old engine’s channel', { channel: 'funnel-lens-engine/1', body: {} }],
    ['another version', { channel: 'funnel-lens-data/0', body: {} }],
    ['an array', [SERVICE_CHANNEL]],
  ])('refuses %s', (_name, data) => {
    expect(isEnvelope(data)).toBe(false);
  });

  it('names its protocol version in the channel, so a worker of another version is not answered', () => {
    expect(SERVICE_CHANNEL).toMatch(/^funnel-lens-data\/\d+$/);
  });
});
