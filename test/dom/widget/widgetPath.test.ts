/** The two host values script.js reads by hand, before zod and the rest of the widget load. */
import { turnsOff, widgetPath } from '../../../widget/widgetPath';

describe('widgetPath', () => {
  it('reads the folder amoCRM serves the archive from', () => {
    expect(widgetPath({ get_settings: () => ({ path: '/widgets/funnel_lens', code: 'x' }) })).toBe(
      '/widgets/funnel_lens',
    );
  });

  it.each([
    ['no get_settings', {}],
    ['settings that are not an object', { get_settings: () => 'path' }],
    ['null settings', { get_settings: () => null }],
    ['a path that is not a string', { get_settings: () => ({ path: 42 }) }],
    [
      'a get_settings that throws',
      {
        get_settings: () => {
          throw new Error('host broke');
        },
      },
    ],
  ])('is undefined with %s', (_what, self) => {
    expect(widgetPath(self)).toBeUndefined();
  });
});

describe('turnsOff', () => {
  it('is true only for params that switch the widget off', () => {
    expect(turnsOff({ active: 'N', fields: {} })).toBe(true);
    expect(turnsOff({ active: 'Y' })).toBe(false);
    expect(turnsOff(null)).toBe(false);
    expect(turnsOff('N')).toBe(false);
  });
});
