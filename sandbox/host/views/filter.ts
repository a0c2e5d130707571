/**
 * The list URL's filter as the page summarises it above the list (the server applies it; see
 * sandbox/server/host/listFilter.ts). Active only with `useFilter=y`.
 */
import { html, type Html } from '../dom';
import { formatMoney, leadCount } from '../strings';
import { findStatus, userName, type ViewContext } from './view';

export interface ListFilterInfo {
  readonly active: boolean;
  readonly stages: readonly { pipelineId: number; statusId: number }[];
  readonly users: readonly number[];
  readonly dates?: { readonly field: string; readonly from?: string; readonly to?: string };
}

export function readListFilter(search: string): ListFilterInfo {
  const params = new URLSearchParams(search);
  const active = (params.get('useFilter') ?? '').toLowerCase() === 'y';
  const stages: { pipelineId: number; statusId: number }[] = [];
  const users: number[] = [];
  for (const [key, value] of params) {
    const pipe = /^filter\[pipe\]\[(\d+)\]\[\d*\]$/.exec(key);
    if (pipe !== null) stages.push({ pipelineId: Number(pipe[1]), statusId: Number(value) });
    if (/^filter\[main_user\]\[\d*\]$/.test(key)) users.push(Number(value));
  }
  const from = params.get('filter_date_from') ?? undefined;
  const to = params.get('filter_date_to') ?? undefined;
  const field = params.get('filter_date_switch') ?? 'created';
  return {
    active,
    stages,
    users,
    ...((from !== undefined || to !== undefined) && {
      dates: { field, ...(from !== undefined && { from }), ...(to !== undefined && { to }) },
    }),
  };
}

export function filterSummary(
  ctx: ViewContext,
  filter: ListFilterInfo,
  total: number,
  priceTotal: number,
  resetUrl: string,
): Html {
  const { boot, t } = ctx;
  const lang = boot.lang;
  const parts: Html[] = [];
  if (filter.stages.length > 0) {
    const names = filter.stages.map(
      stage => findStatus(boot, stage.pipelineId, stage.statusId)?.name ?? `#${stage.statusId}`,
    );
    parts.push(
      html`<span class="filter-chip" data-filter-part="stages"
        >${t('filterStages')}: ${names.join(', ')}</span
      >`,
    );
  }
  if (filter.users.length > 0) {
    const names = filter.users.map(id => userName(boot, id, t));
    parts.push(
      html`<span class="filter-chip" data-filter-part="users"
        >${t('filterUsers')}: ${names.join(', ')}</span
      >`,
    );
  }
  if (filter.dates !== undefined) {
    const { field, from, to } = filter.dates;
    parts.push(
      html`<span class="filter-chip" data-filter-part="dates"
        >${t('filterDates')} (${field}): ${from ?? '…'} — ${to ?? '…'}</span
      >`,
    );
  }
  return html`<div class="list__filter-summary" id="list_filter_summary">
    <span class="list__filter-summary__label">${t('filter')}:</span>
    ${parts}
    <span class="list__filter-summary__count" data-total="${total}">${leadCount(lang, total)}</span>
    <span class="list__filter-summary__sum"
      >${formatMoney(lang, priceTotal, boot.account.currency_symbol)}</span
    >
    <a href="${resetUrl}" class="list__filter-summary__reset">${t('resetFilter')}</a>
  </div>`;
}
