import { act, cleanup, fireEvent, screen } from '@testing-library/preact';
import { WIDGET_CSS } from '../../../../src/ui/styles';
import { DEMO_NOW } from '../../../support/demo';
import { createHarness, exact, renderPanel, reportReady } from './harness';
import type { Harness } from './harness';

let h: Harness;
let style: HTMLStyleElement;
beforeEach(() => {
  style = document.head.appendChild(document.createElement('style'));
  style.textContent = WIDGET_CSS;
});
afterEach(() => {
  cleanup();
  h.dispose();
  style.remove();
  jest.useRealTimers();
});

/** The panel as the widget mounts it: inside the dock, whose root carries `funnel-lens`. */
function mount(harness: Harness) {
  const dock = document.body.appendChild(document.createElement('div'));
  dock.className = 'funnel-lens';
  return renderPanel(harness, 'Анна Соколова', dock);
}

describe('Panel shell', () => {
  it('collapses to a narrow strip with the weakest conversion and expands back, moving focus', async () => {
    h = createHarness();
    mount(h);
    const r = await reportReady(h);
    const { t, fmt } = h.env;
    const panel = screen.getByRole('complementary', { name: t('fl.panel.region') });
    expect(getComputedStyle(panel).width).toBe('360px');
    const collapse = screen.getByRole('button', { name: t('fl.panel.collapse') });
    expect(collapse.getAttribute('aria-expanded')).toBe('true');
    expect(document.getElementById(collapse.getAttribute('aria-controls')!)).not.toBeNull();

    fireEvent.click(collapse);
    expect(h.collapsed.value).toBe(true);
    const strip = screen.getByRole('complementary', { name: t('fl.panel.region') });
    expect(getComputedStyle(strip).width).toBe('36px');
    const expand = screen.getByRole('button', { name: t('fl.panel.expand') });
    expect(expand.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(expand);
    expect(strip.textContent).toContain(t('fl.panel.brand'));
    const badge = screen.getByText(fmt.percent(r.weakestTransition!.decidedConversion), exact);
    expect(strip.contains(badge)).toBe(true);
    expect(screen.queryByRole('list')).toBeNull();
    expect(screen.queryByRole('combobox')).toBeNull();

    fireEvent.click(expand);
    expect(h.collapsed.value).toBe(false);
    expect(document.activeElement).toBe(
      screen.getByRole('button', { name: t('fl.panel.collapse') }),
    );
    expect(screen.getByRole('list', { name: t('fl.panel.funnel.label') })).toBeTruthy();
  });

  it('follows the host when it restores a collapsed state', async () => {
    h = createHarness();
    h.collapsed.value = true;
    mount(h);
    await reportReady(h);
    expect(screen.getByRole('button', { name: h.env.t('fl.panel.expand') })).toBeTruthy();
    // Restored, not toggled by the user: focus stays where it was.
    expect(document.activeElement).toBe(document.body);
    await act(() => {
      h.collapsed.value = false;
    });
    expect(screen.getByRole('list', { name: h.env.t('fl.panel.funnel.label') })).toBeTruthy();
  });

  it('titles itself with the pipeline, or just its name before the host knows the pipeline', async () => {
    h = createHarness();
    const { unmount } = renderPanel(h, 'Анна Соколова', undefined, '');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Funnel Lens');
    unmount();
    renderPanel(h);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Воронка · Продажи');
    await reportReady(h);
  });

  it('speaks English with English number formats', async () => {
    h = createHarness({ lang: 'en' });
    mount(h);
    const r = await reportReady(h);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Funnel · Продажи');
    expect(screen.getByText('Weakest link')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Квалифицирован → Отправлено КП' })).toBeTruthy();
    const weak = r.stages.find(s => s.id === r.weakestTransition!.fromStageId)!;
    const pct = h.env.fmt.percent(weak.conversionToNext);
    expect(pct).toMatch(/^\d+\.\d%$/);
    expect(screen.getAllByText(pct, exact).length).toBeGreaterThan(0);
    expect(screen.getByText('Counts only the deals Анна Соколова may see.')).toBeTruthy();
  });

  it.each(['ru', 'en'] as const)(
    'renders no raw message key (%s), in the funnel or a drill-down',
    async lang => {
      h = createHarness({ lang });
      const { container } = mount(h);
      await reportReady(h);
      const texts = () => [
        container.textContent,
        ...[...container.querySelectorAll('[aria-label], [title]')].map(
          e => `${e.getAttribute('aria-label') ?? ''} ${e.getAttribute('title') ?? ''}`,
        ),
      ];
      for (const text of texts()) expect(text).not.toMatch(/\bfl\.[a-z]+\./);
      fireEvent.click(screen.getByRole('button', { name: 'Квалифицирован → Отправлено КП' }));
      // The drill-down is a chunk of its own: it arrives a moment after the click.
      expect(await screen.findByRole('tablist')).toBeTruthy();
      for (const text of texts()) expect(text).not.toMatch(/\bfl\.[a-z]+\./);
    },
  );

  it('leaves no timer running after unmount', async () => {
    jest.useFakeTimers();
    h = createHarness();
    const { unmount } = mount(h);
    await reportReady(h);
    const { t, fmt } = h.env;
    const syncedMs = DEMO_NOW * 1000;
    expect(jest.getTimerCount()).toBeGreaterThan(0);
    // Freshness moves every 30 s on an open panel.
    h.time.now += 5 * 60_000;
    await act(() => {
      jest.advanceTimersByTime(30_000);
    });
    expect(
      screen.getByText(t('fl.common.sync.updated', { ago: fmt.ago(syncedMs, h.time.now) })),
    ).toBeTruthy();
    unmount();
    expect(jest.getTimerCount()).toBe(0);
  });
});
