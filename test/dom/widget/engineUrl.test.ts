/** The worker's chunk is fetched from beside script.js, with the same version query. */
import { engineUrlOf } from '../../../widget/browser';

describe('engineUrlOf', () => {
  it.each([
    [
      'https://cdn.example/widgets/funnel_lens/script.js?v=0.1.0',
      'https://cdn.example/widgets/funnel_lens/engine.js?v=0.1.0',
    ],
    ['/widgets/funnel_lens/script.js', '/widgets/funnel_lens/engine.js'],
    // Only the file name: a folder that happens to be called script.js stays as it is.
    ['/script.js/w/script.js?v=2', '/script.js/w/engine.js?v=2'],
  ])('%s → %s', (script, engine) => {
    expect(engineUrlOf(script)).toBe(engine);
  });
});
