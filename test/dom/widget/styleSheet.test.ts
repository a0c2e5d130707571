/**
 * The widget's style.css as the Host links it: one versioned link for every mount that uses it,
 * gone with the last; the wait it gives a mount ends on load, on error, or when the sheet hangs.
 */
import { sharedStyleSheet, STYLE_WAIT_MS, styleSheetUrl } from '../../../widget/styleSheet';

const links = () => [...document.head.querySelectorAll<HTMLLinkElement>('link[data-funnel-lens]')];
const href = styleSheetUrl('/widgets/funnel_lens/', '1.2.0');

afterEach(() => {
  for (const link of links()) link.remove();
  jest.useRealTimers();
});

/** Whether `promise` has settled, after pending callbacks ran. */
async function settled(promise: Promise<void>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  for (let i = 0; i < 3; i++) await Promise.resolve();
  return done;
}

describe('sharedStyleSheet', () => {
  it('links style.css once, versioned, for every mount that uses it, and removes it with the last', () => {
    expect(href).toBe('/widgets/funnel_lens/style.css?v=1.2.0');
    const use = sharedStyleSheet(document, href);
    const panel = use();
    const card = use();
    expect(links().map(l => l.getAttribute('href'))).toEqual([href]);
    expect(links()[0]?.rel).toBe('stylesheet');
    panel.release();
    panel.release();
    expect(links()).toHaveLength(1);
    card.release();
    expect(links()).toHaveLength(0);
    // A later mount links it again.
    use();
    expect(links()).toHaveLength(1);
  });

  it.each(['load', 'error'])('ends the wait when the sheet fires %s', async event => {
    jest.useFakeTimers();
    const mount = sharedStyleSheet(document, href)();
    expect(await settled(mount.loaded)).toBe(false);
    links()[0]?.dispatchEvent(new Event(event));
    expect(await settled(mount.loaded)).toBe(true);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('ends the wait for a sheet that hangs, and leaves no timer once released', async () => {
    jest.useFakeTimers();
    const use = sharedStyleSheet(document, href);
    const mount = use();
    jest.advanceTimersByTime(STYLE_WAIT_MS - 1);
    expect(await settled(mount.loaded)).toBe(false);
    jest.advanceTimersByTime(1);
    expect(await settled(mount.loaded)).toBe(true);

    const again = use();
    again.release();
    mount.release();
    const next = use();
    next.release();
    expect(jest.getTimerCount()).toBe(0);
  });

  it('without the widget’s folder links nothing and does not hold the mount back', async () => {
    const mount = sharedStyleSheet(document, null)();
    expect(links()).toHaveLength(0);
    expect(await settled(mount.loaded)).toBe(true);
  });
});
