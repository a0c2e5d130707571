/** What every page view of the host provides to the controller, and shared lookups. */
import type { AreaInfo } from '../app/globals';
import { html, type Html } from '../dom';
import type { BootPipeline, BootStatus, HostBoot } from '../protocol';
import type { Translate } from '../strings';
import type { WidgetEnv } from '../widget/env';
import type { WidgetRuntime } from '../widget/runtime';
import type { ListSelection } from '../widget/system';

export interface ViewContext {
  readonly boot: HostBoot;
  readonly t: Translate;
  readonly env: WidgetEnv | null;
  readonly runtime: WidgetRuntime;
  navigate(url: string): void;
}

export interface AppDataPatch {
  /** `APP.data.current_view`; undefined = absent (cards). */
  readonly currentView: Record<string, unknown> | undefined;
  readonly currentCard: Record<string, unknown> | false;
}

export interface View {
  readonly area: AreaInfo;
  /** Which menu item is active. */
  readonly menu: 'leads' | 'integrations' | 'advanced' | 'none';
  readonly title: string;
  /** Draws the view's skeleton into #page_holder, synchronously. */
  mount(holder: HTMLElement): AppDataPatch;
  /**
   * Loads and draws the data; resolves when the first screen is complete, with false when the
   * page could not be shown (a card the user may not open), so no widget is built for it.
   */
  load(signal: AbortSignal): Promise<boolean>;
  /** Builds the widget for this page (after `load`). */
  enterWidget(stillCurrent: () => boolean): Promise<void>;
  dispose(): void;
  listSelected?(): ListSelection;
  cardColumn?(): HTMLElement | null;
}

export const EMPTY_SELECTION: ListSelection = {
  selected: [],
  summary: { items: 0, emails: 0, phones: 0 },
};

export function mainPipeline(boot: HostBoot): BootPipeline | undefined {
  return boot.pipelines.find(pipeline => pipeline.is_main) ?? boot.pipelines[0];
}

export function findPipeline(boot: HostBoot, id: number): BootPipeline | undefined {
  return boot.pipelines.find(pipeline => pipeline.id === id);
}

export function findStatus(
  boot: HostBoot,
  pipelineId: number,
  statusId: number,
): BootStatus | undefined {
  return findPipeline(boot, pipelineId)?.statuses.find(status => status.id === statusId);
}

export function userName(boot: HostBoot, id: number, t: Translate): string {
  if (id === 0) return t('system');
  return boot.users.find(user => user.id === id)?.name ?? `#${id}`;
}

/** Incoming first, then the stages by sort, then won (142) and lost (143), as amoCRM orders them. */
export function orderedStatuses(pipeline: BootPipeline): BootStatus[] {
  const rank = (status: BootStatus) =>
    status.type === 1 ? 0 : status.id === 142 ? 2 : status.id === 143 ? 3 : 1;
  return [...pipeline.statuses].sort((a, b) => rank(a) - rank(b) || a.sort - b.sort || a.id - b.id);
}

export function stagePill(status: BootStatus | undefined, fallback: string): Html {
  if (status === undefined) return html`<span class="stage-pill">${fallback}</span>`;
  return html`<span
    class="stage-pill"
    style="--stage-color: ${status.color}"
    data-status-id="${status.id}"
    >${status.name}</span
  >`;
}

/**
 * The top of the leads section, list and pipeline alike (amoCRM renders the same top nav in
 * both, `interface/common/leads/top_nav.twig`): `.list__body-right__top`, fixed at the top of the
 * content from the left menu to the window's right edge (public widgets reposition it with
 * `left: 65px`), with the title, the list/kanban switch and pipeline, the search-and-filter field
 * and the actions on the right.
 */
export function leadsTopBar(
  ctx: ViewContext,
  pipeline: BootPipeline,
  mode: 'list' | 'kanban',
  extra: Html | string = '',
): Html {
  const { boot, t } = ctx;
  const listUrl = `/leads/list/pipeline/${pipeline.id}/`;
  const kanbanUrl = `/leads/pipeline/${pipeline.id}/`;
  return html`<div class="list__body-right__top list__top-bar" data-top="leads">
    <div class="list__top-bar__left">
      <span class="list__top__preset">${t('leads')}</span>
      <div class="view-switch" role="group">
        <a
          href="${kanbanUrl}"
          class="view-switch__btn ${mode === 'kanban' ? 'is-active' : ''}"
          data-view-switch="kanban"
          >${t('kanban')}</a
        >
        <a
          href="${listUrl}"
          class="view-switch__btn ${mode === 'list' ? 'is-active' : ''}"
          data-view-switch="list"
          >${t('list')}</a
        >
      </div>
      <select class="pipeline-select" id="pipeline_select" aria-label="${t('pipeline')}">
        ${boot.pipelines.map(
          item =>
            html`<option value="${item.id}" ${item.id === pipeline.id ? 'selected' : ''}>
              ${item.name}
            </option>`,
        )}
      </select>
    </div>
    <div class="list-top-search" id="search_block">
      <input
        class="list-top-search__input"
        id="search_input"
        type="search"
        placeholder="${t('search')}"
        aria-label="${t('search')}"
        disabled
      />
    </div>
    <div class="list__top-bar__right list-top-nav__actions">
      ${extra}
      <button
        type="button"
        class="button-input list-top-nav__more"
        aria-label="${t('more')}"
        title="${t('notInSandbox')}"
        disabled
      >
        ⋯
      </button>
      <button
        type="button"
        class="button-input button-input_blue list-top-nav__button-add"
        title="${t('notInSandbox')}"
        disabled
      >
        + ${t('newLead')}
      </button>
    </div>
  </div>`;
}

export function bindPipelineSelect(
  ctx: ViewContext,
  root: HTMLElement,
  mode: 'list' | 'kanban',
): void {
  const select = root.querySelector<HTMLSelectElement>('#pipeline_select');
  select?.addEventListener('change', () => {
    const base = mode === 'list' ? '/leads/list/pipeline/' : '/leads/pipeline/';
    ctx.navigate(`${base}${select.value}/`);
  });
}

export function messageBlock(kind: 'error' | 'empty' | 'loading', text: string): Html {
  return html`<div class="page-message page-message--${kind}" data-message="${kind}">${text}</div>`;
}
