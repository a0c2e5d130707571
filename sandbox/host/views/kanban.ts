/**
 * `/leads/pipeline/{id}/`: the kanban (`APP.getWidgetsArea()` 'leads-pipeline'; widgets only via
 * `everywhere`). A column per stage — incoming first, stages by sort, then won and lost — with its
 * count and sum and the newest cards; "More" loads the column's next cards. DOM ids and classes
 * follow amoCRM as public widget code reads them (`.pipeline_cell-<statusId>`,
 * `.pipeline_status__head_title`, `#pipeline_items__list_<statusId>`, `#pipeline_item_<leadId>`,
 * `.pipeline_leads__item`). Below the fixed top, the board fills the window's height and scrolls
 * sideways; each column's cards scroll on their own under its head.
 */
import { fetchKanban, fetchLeadList, isAbort, AjaxError } from '../api';
import { html, setHtml } from '../dom';
import type { BootPipeline, KanbanBody, ListLead } from '../protocol';
import { formatMoney, formatNumber } from '../strings';
import { jquery } from '../vendor';
import {
  bindPipelineSelect,
  leadsTopBar,
  messageBlock,
  orderedStatuses,
  userName,
  type View,
  type ViewContext,
} from './view';

export function createKanbanView(ctx: ViewContext, pipeline: BootPipeline): View {
  const { boot, t } = ctx;
  const lang = boot.lang;
  const controller = new AbortController();
  const pages = new Map<number, number>();
  let root: HTMLElement | null = null;

  const card = (lead: ListLead) =>
    html`<div class="pipeline_leads__item" id="pipeline_item_${lead.id}" data-id="${lead.id}">
      <a href="/leads/detail/${lead.id}" class="pipeline_leads__title">${lead.name}</a>
      <div class="pipeline_leads__price">
        ${formatMoney(lang, lead.price, boot.account.currency_symbol)}
      </div>
      <div class="pipeline_leads__user">${userName(boot, lead.responsible_user_id, t)}</div>
    </div>`;

  const draw = (body: KanbanBody): void => {
    const board = root?.querySelector('.pipeline__body');
    if (board === undefined || board === null) return;
    const columns = new Map(body.columns.map(column => [column.status_id, column]));
    setHtml(
      board,
      html`${orderedStatuses(pipeline).map(status => {
        const column = columns.get(status.id);
        const count = column?.count ?? 0;
        const items = column?.items ?? [];
        pages.set(status.id, 1);
        return html`<div
          class="pipeline_status pipeline_cell pipeline_cell-${status.id}"
          data-status-id="${status.id}"
          style="--stage-color: ${status.color}"
        >
          <div class="pipeline_status__head pipeline_cell-head-${status.id}" title="${status.name}">
            <div class="pipeline_status__head_line"></div>
            <div class="pipeline_status__name pipeline_status__head_title">${status.name}</div>
            <div class="pipeline_status__meta">
              <span class="pipeline_status__count" data-count="${count}"
                >${formatNumber(lang, count)}</span
              >
              · ${formatMoney(lang, column?.price ?? 0, boot.account.currency_symbol)}
            </div>
          </div>
          <div class="pipeline_items__list" id="pipeline_items__list_${status.id}">
            ${items.map(card)}
          </div>
          <button
            type="button"
            class="button-input pipeline_status__more"
            data-status-id="${status.id}"
            ${items.length < count ? '' : 'hidden'}
          >
            ${t('more')}
          </button>
        </div>`;
      })}`,
    );
  };

  const loadMore = async (button: HTMLButtonElement): Promise<void> => {
    const statusId = Number(button.dataset.statusId);
    const next = (pages.get(statusId) ?? 1) + 1;
    const search = `?useFilter=y&filter[pipe][${pipeline.id}][]=${statusId}`;
    const body = await fetchLeadList(pipeline.id, search, next, controller.signal);
    pages.set(statusId, next);
    root
      ?.querySelector(`#pipeline_items__list_${statusId}`)
      ?.insertAdjacentHTML('beforeend', body.items.map(card).join(''));
    button.hidden = !body.has_next;
  };

  return {
    area: { widgetsArea: 'leads-pipeline', baseEntity: 'leads', isCard: false },
    menu: 'leads',
    title: t('leads'),
    mount(holder) {
      setHtml(
        holder,
        html`<div
          class="pipeline"
          id="pipeline_page"
          data-view="kanban"
          data-pipeline-id="${pipeline.id}"
        >
          ${leadsTopBar(ctx, pipeline, 'kanban')}
          <div class="pipeline__body pipeline_wrapper" id="pipeline_holder">
            ${messageBlock('loading', t('loading'))}
          </div>
        </div>`,
      );
      root = holder.querySelector<HTMLElement>('#pipeline_page');
      if (root !== null) {
        bindPipelineSelect(ctx, root, 'kanban');
        root.addEventListener('click', event => {
          const button =
            event.target instanceof Element ? event.target.closest('.pipeline_status__more') : null;
          if (!(button instanceof HTMLButtonElement)) return;
          loadMore(button).catch((error: unknown) => {
            if (!isAbort(error)) console.error('[sandbox] loading more cards failed', error);
          });
        });
      }
      return {
        currentView: {
          pipeline_id: pipeline.id,
          current_pipeline: { id: pipeline.id, name: pipeline.name },
          $el: root === null ? undefined : jquery()(root),
        },
        currentCard: false,
      };
    },
    async load(signal) {
      try {
        draw(await fetchKanban(pipeline.id, signal));
      } catch (error) {
        if (isAbort(error)) return false;
        const board = root?.querySelector('.pipeline__body');
        if (board)
          setHtml(
            board,
            messageBlock(
              'error',
              `${t('loadError')}: ${error instanceof Error ? error.message : ''}`,
            ),
          );
        if (!(error instanceof AjaxError)) throw error;
      }
      return true;
    },
    enterWidget: stillCurrent => ctx.runtime.enterPage('everywhere', stillCurrent),
    dispose: () => controller.abort(),
  };
}
