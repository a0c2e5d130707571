/**
 * `/leads/list/pipeline/{id}/`: the leads list (area `llist`, `APP.getWidgetsArea()` 'leads'), in
 * amoCRM's containers: `#list_page_holder.list > .list__body > .list__body-right` with the fixed
 * `.list__body-right__top` and the rows (`.list-row`, head `#list_head`); the window scrolls.
 * Rows come newest first, 50 at a time with "Show more", like amoCRM's list; the URL's filter
 * (`filter[pipe]…&useFilter=y`) is applied by the server and summarised above the table.
 */
import { fetchLeadList, isAbort, AjaxError } from '../api';
import { html, setHtml, type Html } from '../dom';
import type { BootPipeline, ListLead } from '../protocol';
import { formatDate, formatMoney, leadCount } from '../strings';
import { jquery } from '../vendor';
import type { ListSelection } from '../widget/system';
import { filterSummary, readListFilter } from './filter';
import {
  bindPipelineSelect,
  findStatus,
  leadsTopBar,
  messageBlock,
  stagePill,
  userName,
  type View,
  type ViewContext,
} from './view';

export function createListView(ctx: ViewContext, pipeline: BootPipeline, search: string): View {
  const { boot, t } = ctx;
  const lang = boot.lang;
  const filter = readListFilter(search);
  const selected = new Set<number>();
  const controller = new AbortController();
  let root: HTMLElement | null = null;
  let page = 0;

  const row = (lead: ListLead): Html =>
    html`<tr class="list-row" data-id="${lead.id}" data-status-id="${lead.status_id}">
      <td class="list-row__cell list-row__cell--check">
        <input type="checkbox" class="list-row__checkbox" value="${lead.id}" aria-label="select" />
      </td>
      <td class="list-row__cell list-row__cell--name">
        <a href="/leads/detail/${lead.id}" class="list-row__name">${lead.name}</a>
      </td>
      <td class="list-row__cell">
        ${stagePill(findStatus(boot, lead.pipeline_id, lead.status_id), `#${lead.status_id}`)}
      </td>
      <td class="list-row__cell list-row__cell--num">
        ${formatMoney(lang, lead.price, boot.account.currency_symbol)}
      </td>
      <td class="list-row__cell">${userName(boot, lead.responsible_user_id, t)}</td>
      <td class="list-row__cell list-row__cell--date">
        ${formatDate(lead.created_at, boot.account.timezone)}
      </td>
    </tr>`;

  const updateSelection = (): void => {
    const bar = root?.querySelector<HTMLElement>('.list__mass-actions');
    if (bar === undefined || bar === null) return;
    bar.hidden = selected.size === 0;
    const count = bar.querySelector('.list__mass-actions__count');
    if (count !== null) count.textContent = `${t('selected')}: ${selected.size}`;
  };

  const append = async (signal: AbortSignal): Promise<void> => {
    if (root === null) return;
    const body = await fetchLeadList(pipeline.id, search, page + 1, signal);
    page = body.page;
    const tbody = root.querySelector('tbody');
    tbody?.insertAdjacentHTML('beforeend', body.items.map(row).join(''));
    const more = root.querySelector<HTMLButtonElement>('.list__more');
    if (more !== null) more.hidden = !body.has_next;
    const header = root.querySelector('.list__header-slot');
    if (header !== null && page === 1) {
      const resetUrl = `/leads/list/pipeline/${pipeline.id}/`;
      setHtml(
        header,
        filter.active
          ? filterSummary(ctx, filter, body.total, body.price_total, resetUrl)
          : html`<div class="list__summary" id="list_summary">
              <span class="list__summary__count" data-total="${body.total}"
                >${leadCount(lang, body.total)}</span
              >
              <span class="list__summary__sum"
                >${formatMoney(lang, body.price_total, boot.account.currency_symbol)}</span
              >
            </div>`,
      );
    }
    const empty = root.querySelector<HTMLElement>('.list__empty');
    if (empty !== null) empty.hidden = body.total > 0;
  };

  const bind = (element: HTMLElement): void => {
    bindPipelineSelect(ctx, element, 'list');
    element.querySelector('.list__more')?.addEventListener('click', () => {
      append(controller.signal).catch((error: unknown) => {
        if (!isAbort(error)) console.error('[sandbox] loading more leads failed', error);
      });
    });
    element.addEventListener('change', event => {
      const box = event.target;
      if (!(box instanceof HTMLInputElement) || box.type !== 'checkbox') return;
      const boxes = box.classList.contains('list__check-all')
        ? [...element.querySelectorAll<HTMLInputElement>('.list-row__checkbox')]
        : [box];
      for (const item of boxes) {
        item.checked = box.checked;
        if (box.checked) selected.add(Number(item.value));
        else selected.delete(Number(item.value));
      }
      updateSelection();
    });
    element
      .querySelector('.list__mass-actions__widget')
      ?.addEventListener('click', () => ctx.runtime.leadsSelected());
  };

  return {
    area: { widgetsArea: 'leads', baseEntity: 'leads', isCard: false },
    menu: 'leads',
    title: t('leads'),
    mount(holder) {
      setHtml(
        holder,
        html`<div class="list list-leads" id="list_page_holder">
          <div class="list__body" id="list_page" data-view="list" data-pipeline-id="${pipeline.id}">
            <div class="list__body-right" id="list__body-right">
              ${leadsTopBar(ctx, pipeline, 'list')}
              <div class="list__header-slot">${messageBlock('loading', t('loading'))}</div>
              <div class="list__mass-actions" hidden>
                <span class="list__mass-actions__count"></span>
                ${ctx.env === null ? '' : html`<button type="button" class="button-input list__mass-actions__widget">${ctx.env.code}</button>`}
              </div>
              <table class="list__table">
                <thead>
                  <tr class="list-row-head" id="list_head">
                    <th class="list-row__cell--check">
                      <input type="checkbox" class="list__check-all" aria-label="select all" />
                    </th>
                    <th>${t('name')}</th>
                    <th>${t('stage')}</th>
                    <th class="list-row__cell--num">${t('budget')}</th>
                    <th>${t('responsible')}</th>
                    <th>${t('created')}</th>
                  </tr>
                </thead>
                <tbody id="list_items"></tbody>
              </table>
              <div class="list__empty" hidden>${t('emptyList')}</div>
              <button type="button" class="button-input list__more" hidden>${t('loadMore')}</button>
            </div>
          </div>
        </div>`,
      );
      root = holder.querySelector<HTMLElement>('#list_page');
      if (root !== null) bind(root);
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
        await append(signal);
      } catch (error) {
        if (isAbort(error)) return false;
        const text =
          error instanceof AjaxError ? `${t('loadError')}: ${error.message}` : t('loadError');
        const slot = root?.querySelector('.list__header-slot');
        if (slot) setHtml(slot, messageBlock('error', text));
        if (!(error instanceof AjaxError)) throw error;
      }
      return true;
    },
    enterWidget: stillCurrent => ctx.runtime.enterPage('llist', stillCurrent),
    dispose: () => controller.abort(),
    listSelected(): ListSelection {
      const items = [...selected].map(id => ({ id, type: 'lead', emails: [], phones: [] }));
      return { selected: items, summary: { items: items.length, emails: 0, phones: 0 } };
    },
  };
}
