/**
 * Page navigation and the widget lifecycle around it. One navigation, in this order:
 *   1. the URL changes (pushState, or popstate);
 *   2. the old view stops (its requests are aborted, its modal closed → `destroy` for `settings`);
 *   3. the new view draws its skeleton into #page_holder and APP switches to the new area
 *      (`getWidgetsArea()`, `isCard()`, `data.current_view` / `data.current_card`);
 *   4. `$(document).trigger('page:changed')` (not on the first page load);
 *   5. the old area's widget gets `destroy` (init_once: false);
 *   6. the new view loads its data and draws it;
 *   7. the new area's widget is built: constructor → `render` → `bind_actions` → `init`.
 * `page:changed` before the callbacks matches what public widget code relies on ("fires faster
 * than callbacks.render"). `document.body.dataset.pageState` is 'loading' until step 7 is done,
 * then 'ready'; each step is also logged to `window.__hostEvents` for the tests.
 */
import type { HostApp, NavigateOptions } from './app/globals';
import type { Frame } from './frame';
import type { HostBoot } from './protocol';
import { interceptLinks, parseRoute, toInternalUrl, type Route } from './router';
import type { Translate } from './strings';
import { jquery } from './vendor';
import { createCardView } from './views/card';
import { createKanbanView } from './views/kanban';
import { createListView } from './views/list';
import { createAdvancedView, createIntegrationsView } from './views/settings';
import {
  findPipeline,
  mainPipeline,
  messageBlock,
  type View,
  type ViewContext,
} from './views/view';
import { setHtml } from './dom';

function notFoundView(t: Translate): View {
  return {
    area: { widgetsArea: '', baseEntity: '', isCard: false },
    menu: 'none',
    title: t('notFound'),
    mount(holder) {
      setHtml(holder, messageBlock('error', t('notFound')));
      return { currentView: { $el: undefined }, currentCard: false };
    },
    load: () => Promise.resolve(false),
    enterWidget: () => Promise.resolve(),
    dispose: () => undefined,
  };
}

export class HostController {
  private view: View | null = null;
  private seq = 0;
  private loading: AbortController | null = null;
  private ctx: ViewContext;

  constructor(
    private readonly boot: HostBoot,
    private readonly app: HostApp,
    private readonly frame: Frame,
    ctx: Omit<ViewContext, 'navigate'>,
  ) {
    this.ctx = { ...ctx, navigate: url => this.navigate(url, { trigger: true }) };
  }

  get current(): View | null {
    return this.view;
  }

  start(): void {
    interceptLinks(url => this.navigate(url, { trigger: true }));
    window.addEventListener('popstate', () => void this.show(false));
    void this.show(true);
  }

  /** `APP.router.navigate` semantics (Backbone): without `trigger: true` only the URL changes. */
  navigate(url: string, options: NavigateOptions): void {
    const internal = toInternalUrl(url);
    if (internal === null) {
      window.location.assign(url);
      return;
    }
    if (options.replace === true) window.history.replaceState(null, '', internal);
    else window.history.pushState(null, '', internal);
    window.__hostEvents.push({
      type: 'navigate',
      url: internal,
      trigger: options.trigger === true,
    });
    if (options.trigger === true) void this.show(false);
  }

  private createView(route: Route): View {
    const { boot, ctx } = this;
    switch (route.kind) {
      case 'list':
      case 'kanban': {
        const pipeline =
          route.pipelineId === null ? mainPipeline(boot) : findPipeline(boot, route.pipelineId);
        if (pipeline === undefined) return notFoundView(ctx.t);
        return route.kind === 'list'
          ? createListView(ctx, pipeline, route.search)
          : createKanbanView(ctx, pipeline);
      }
      case 'card':
        return createCardView(ctx, route.leadId);
      case 'integrations':
        return createIntegrationsView(ctx, () =>
          window.__hostEvents.push({ type: 'settings:stored' }),
        );
      case 'advanced':
        return createAdvancedView(ctx, route.code);
      case 'notFound':
        return notFoundView(ctx.t);
    }
  }

  private async show(initial: boolean): Promise<void> {
    const seq = ++this.seq;
    const url = `${window.location.pathname}${window.location.search}`;
    document.body.dataset.pageState = 'loading';
    const route = parseRoute(window.location.pathname, window.location.search);
    const next = this.createView(route);
    this.view?.dispose();
    this.view = next;

    this.app.setArea(next.area);
    const patch = next.mount(this.frame.holder);
    const data = this.app.data;
    if (patch.currentView === undefined) delete data.current_view;
    else data.current_view = patch.currentView;
    data.current_card = patch.currentCard;
    data.current_entity = next.area.widgetsArea;
    this.frame.setActive(next.menu, next.title);
    document.body.dataset.page = route.kind;

    if (!initial) {
      window.__hostEvents.push({ type: 'page:changed', url });
      jquery()(document).trigger('page:changed');
    }
    this.ctx.runtime.leavePage();

    this.loading?.abort();
    this.loading = new AbortController();
    const shown = await next.load(this.loading.signal).catch((error: unknown) => {
      console.error('[sandbox] the page failed to load', error);
      return false;
    });
    if (seq !== this.seq) return;
    if (shown) await next.enterWidget(() => seq === this.seq);
    if (seq !== this.seq) return;
    document.body.dataset.pageState = 'ready';
    window.__hostEvents.push({ type: 'page:ready', url, seq });
  }
}
