import { ENGINE_CHANNEL, isEnvelope } from '../../../../src/state/engine/protocol';

describe('isEnvelope', () => {
  it('accepts anything tagged with the engine channel', () => {
    expect(isEnvelope({ channel: ENGINE_CHANNEL, body: { id: 1 } })).toBe(true);
    expect(isEnvelope({ channel: ENGINE_CHANNEL })).toBe(true);
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a string', ENGINE_CHANNEL],
    ['a number', 1],
    ['an object without a channel', { body: {} }],
    ['another channel', { channel: 'funnel-lens-engine/1', body: {} }],
    ['an array', [ENGINE_CHANNEL]],
  ])('refuses %s', (_name, data) => {
    expect(isEnvelope(data)).toBe(false);
  });

  it('names its protocol version in the channel, so an old worker is not answered', () => {
    expect(ENGINE_CHANNEL).toMatch(/^funnel-lens-engine\/\d+$/);
  });
});
