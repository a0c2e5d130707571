import $ from 'jquery';
import { mountCard, mountPanel, mountReport, mountSettings } from '../src/mount';
import type { SettingsMount } from '../src/mount';
import type { Host } from '../src/mount';
import { showsPipeline } from '../src/state';
import { createAmoHost } from './createHost';
import { createDock } from './dock';
import type { AmoSelf } from './amoGlobals';
import { currentLeadId, currentPipelineId, isCard, widgetCode, widgetsArea } from './amoGlobals';
import { logFailure } from './debugLog';
import { acceptsSave } from './onSave';

export const PANEL_WIDTH = 360;
export const COLLAPSED_WIDTH = 36;
const PAGE_CHANGED = 'page:changed.funnelLens';

type Unmount = () => void;

/** The panel or card block currently shown, keyed by what it shows so a re-render keeps it. */
interface Shown {
  readonly key: string;
  readonly unmount: Unmount;
}

/**
 * amoCRM calls these. Every callback is guarded: the host never sees an exception and gets `true`
 * where it expects it. `render` may run several times per area and `page:changed` fires on every
 * navigation, so showing is idempotent: the same area and pipeline keep the same mount, anything
 * else replaces it, and `destroy` removes all of it (DOM, styles, listeners, timers, the worker,
 * in-flight requests).
 */
export function createCallbacks(self: AmoSelf): Record<string, unknown> {
  const doc = globalThis.document;
  let host: Host | null = null;
  let shown: Shown | null = null;
  let fullReport: Unmount | null = null;
  let settingsMount: SettingsMount | null = null;
  let listening = false;
  // A destroyed object may still have a page:changed timeout in flight; it must not mount again.
  let alive = false;

  const hostNow = (): Host | null => (host ??= createAmoHost(self, doc));

  const replace = (key: string | null, show: () => Unmount): void => {
    if (shown?.key === key) return;
    shown?.unmount();
    shown = null;
    if (key !== null) shown = { key, unmount: show() };
  };

  const showForPage = (): void => {
    if (!alive) return;
    const h = hostNow();
    if (!h) return;
    const area = widgetsArea();
    if (area === 'leads' || area === 'leads-pipeline') {
      const pipelineId = currentPipelineId(doc.location.pathname);
      if (pipelineId === null || !showsPipeline(h.settings, pipelineId))
        return replace(null, () => () => undefined);
      return replace(`panel:${pipelineId}`, () => {
        const dock = createDock(doc, PANEL_WIDTH);
        let unmount: Unmount | null = null;
        // Drawn on a task of its own: this one already evaluated our script and whatever amoCRM
        // does on load, and together they would hold the page past a frame or two.
        const timer = globalThis.setTimeout(
          () =>
            guard('render', () => {
              unmount = mountPanel(h, dock.container, pipelineId, {
                onCollapse: collapsed => dock.setWidth(collapsed ? COLLAPSED_WIDTH : PANEL_WIDTH),
              });
            }),
          0,
        );
        return () => {
          globalThis.clearTimeout(timer);
          unmount?.();
          dock.remove();
        };
      });
    }
    const leadId = isCard() ? currentLeadId() : null;
    if (leadId !== null) return replace(`card:${leadId}`, () => showCard(h, leadId));
    replace(null, () => () => undefined);
  };

  const showCard = (h: Host, leadId: number): Unmount => {
    // amoCRM's documented pattern: `body: ''`, the markup in `render` (a Twig template, rendered
    // with the params). Ours is static and data-free: no Twig syntax, nothing interpolated.
    self.render_template?.(
      {
        caption: { class_name: 'funnel-lens-caption' },
        body: '',
        render: '<div class="funnel-lens fl-card-root"></div>',
      },
      {},
    );
    const root = doc.querySelector<HTMLElement>('.fl-card-root');
    if (!root) return () => undefined;
    const unmount = mountCard(h, root, leadId);
    return () => {
      unmount();
      root.remove();
    };
  };

  const onPageChanged = (): void => {
    // Runs before amoCRM re-renders the page; let the new URL and view settle first.
    globalThis.setTimeout(() => guard('page:changed', showForPage), 0);
  };

  return {
    render: guarded('render', () => {
      alive = true;
      showForPage();
      if (!listening) {
        $(doc).on(PAGE_CHANGED, onPageChanged);
        listening = true;
      }
    }),
    init: guarded('init', () => undefined),
    bind_actions: guarded('bind_actions', () => undefined),
    settings: guarded('settings', () => {
      const h = hostNow();
      const code = widgetCode(self);
      const content = doc.getElementById(`${code}_custom_content`);
      const input = doc.getElementById(`${code}_custom`);
      if (!h || !content || !(input instanceof HTMLInputElement)) return;
      settingsMount?.unmount();
      settingsMount = mountSettings(h, content, input);
    }),
    onSave: (params: unknown): boolean => acceptsSave(params, settingsMount),
    advancedSettings: guarded('advancedSettings', () => {
      const h = hostNow();
      const holder =
        doc.getElementById('list_page_holder') ??
        doc.getElementById(`work-area-${widgetCode(self)}`);
      if (!h || !holder) return;
      fullReport?.();
      const root = doc.createElement('div');
      root.className = 'funnel-lens fl-report-root';
      holder.appendChild(root);
      const unmount = mountReport(h, root);
      fullReport = () => {
        unmount();
        root.remove();
      };
    }),
    destroy: guarded('destroy', () => {
      alive = false;
      shown?.unmount();
      shown = null;
      fullReport?.();
      fullReport = null;
      settingsMount?.unmount();
      settingsMount = null;
      if (listening) $(doc).off(PAGE_CHANGED, onPageChanged);
      listening = false;
      host?.store.close();
      host = null;
    }),
  };
}

function guard(name: string, fn: () => void): void {
  try {
    fn();
  } catch (error) {
    logFailure(name, error);
  }
}

function guarded(name: string, fn: (...args: unknown[]) => void): (...args: unknown[]) => true {
  return (...args) => {
    guard(name, () => fn(...args));
    return true;
  };
}
