/**
 * `/leads/detail/{id}`: the lead card (area `lcard`, `APP.getWidgetsArea()` 'leads_card',
 * `APP.isCard()` true, `APP.data.current_card` = {id, model}, no `current_view`). The right-hand
 * column `.card-widgets` (its `.card-widgets__elements`) is where `render_template` puts widget
 * blocks.
 */
import { AjaxError, fetchLeadDetail, isAbort } from '../api';
import { html, setHtml, type Html } from '../dom';
import type { LeadDetail } from '../protocol';
import { formatDate, formatMoney } from '../strings';
import {
  findPipeline,
  findStatus,
  messageBlock,
  stagePill,
  userName,
  type View,
  type ViewContext,
} from './view';

/** The part of a Backbone model widgets use: `id`, `attributes`, `get(name)`, `toJSON()`. */
export class CardModel {
  readonly attributes: Record<string, unknown>;
  constructor(readonly id: number) {
    this.attributes = { id };
  }
  get(name: string): unknown {
    return this.attributes[name];
  }
  toJSON(): Record<string, unknown> {
    return { ...this.attributes };
  }
}

export function createCardView(ctx: ViewContext, leadId: number): View {
  const { boot, t } = ctx;
  const lang = boot.lang;
  const tz = boot.account.timezone;
  const model = new CardModel(leadId);
  let root: HTMLElement | null = null;

  const historyText = (item: LeadDetail['history'][number]): Html => {
    switch (item.type) {
      case 'lead_added':
        return html`${t('historyCreated')}`;
      case 'lead_status_changed': {
        const pipelineId = item.pipeline_id ?? 0;
        const from =
          item.from_status === null ? undefined : findStatus(boot, pipelineId, item.from_status);
        const to =
          item.to_status === null ? undefined : findStatus(boot, pipelineId, item.to_status);
        return html`${t('historyStatus')}: ${from?.name ?? '—'} →
        ${to?.name ?? `#${item.to_status ?? ''}`}`;
      }
      case 'entity_responsible_changed':
        return html`${t('historyResponsible')}`;
      case 'lead_deleted':
        return html`${t('historyDeleted')}`;
      default:
        return html`${t('historyRestored')}`;
    }
  };

  const draw = (detail: LeadDetail): void => {
    const main = root?.querySelector('.card__main');
    const feed = root?.querySelector('.card-holder__feed');
    if (main === undefined || main === null || feed === undefined || feed === null) return;
    const { lead } = detail;
    Object.assign(model.attributes, lead);
    const pipeline = findPipeline(boot, lead.pipeline_id);
    const lossReason = boot.lossReasons.find(reason => reason.id === lead.loss_reason_id);
    const field = (label: string, value: Html | string) =>
      html`<div class="card__field">
        <dt>${label}</dt>
        <dd>${value}</dd>
      </div>`;
    setHtml(
      main,
      html`<div class="card__header card-entity-form__top">
          <a href="/leads/list/pipeline/${lead.pipeline_id}/" class="card__back">← ${t('leads')}</a>
          <h1 class="card__title">${lead.name}</h1>
          <span class="card__id">#${lead.id}</span>
        </div>
        <div class="card__stage">
          ${pipeline?.name ?? ''}
          ${stagePill(findStatus(boot, lead.pipeline_id, lead.status_id), `#${lead.status_id}`)}
        </div>
        <dl class="card__fields">
          ${field(t('budget'), formatMoney(lang, lead.price, boot.account.currency_symbol))}
          ${field(t('responsible'), userName(boot, lead.responsible_user_id, t))}
          ${field(t('created'), formatDate(lead.created_at, tz))}
          ${field(t('updated'), formatDate(lead.updated_at, tz))}
          ${lead.closed_at === null ? '' : field(t('closed'), formatDate(lead.closed_at, tz))}
          ${lossReason === undefined ? '' : field(t('lossReason'), lossReason.name)}
          ${lead.tags.length === 0 ? '' : field(t('tags'), lead.tags.map(tag => tag.name).join(', '))}
        </dl>`,
    );
    setHtml(
      feed,
      html`<div class="card__feed" id="notes_holder">
        <h3>${t('history')}</h3>
        ${detail.history.map(
          item =>
            html`<div class="card__feed-item">
              <span class="card__feed-date">${formatDate(item.at, tz)}</span>
              <span class="card__feed-user">${userName(boot, item.by, t)}</span>
              ${historyText(item)}
            </div>`,
        )}
      </div>`,
    );
  };

  return {
    area: { widgetsArea: 'leads_card', baseEntity: 'leads', isCard: true },
    menu: 'leads',
    title: t('leads'),
    mount(holder) {
      // amoCRM's card (its `interface/cards/base` and `interface/cards/widgets` templates, as
      // published in public copies of its front end): fields column `#card_fields`, the feed, and
      // the widgets column `#widgets_block.card-widgets` at the window's right edge, full height
      // (measured 265 px wide at left 1655, top 0 in a 1920 px window, in a public widget's notes).
      setHtml(
        holder,
        html`<div
          class="card card-holder"
          id="card_holder"
          data-view="card"
          data-lead-id="${leadId}"
        >
          <div class="js-card-fields card-holder__fields" id="card_fields">
            <div class="card-holder__container custom-scroll">
              <div class="card-fields__fields-block card__main">
                ${messageBlock('loading', t('loading'))}
              </div>
            </div>
          </div>
          <div class="card-holder__column-resizer"></div>
          <div class="js-card-feed card-holder__feed"></div>
          <div class="card-widgets custom-scroll" id="widgets_block">
            <div class="card-widgets__top">
              <span class="card-widgets__top__caption">${t('widgets')}</span>
            </div>
            <div class="js-card-widgets-on" id="nano-card-widgets">
              <div class="card-widgets__elements" id="card_widgets_column"></div>
            </div>
          </div>
        </div>`,
      );
      root = holder.querySelector<HTMLElement>('#card_holder');
      return { currentView: undefined, currentCard: { id: leadId, model } };
    },
    async load(signal) {
      try {
        draw(await fetchLeadDetail(leadId, signal));
        return true;
      } catch (error) {
        if (isAbort(error)) return false;
        const main = root?.querySelector('.card__main');
        const text =
          error instanceof AjaxError && error.status === 403 ? t('forbidden') : t('notFound');
        if (main) setHtml(main, messageBlock('error', text));
        if (!(error instanceof AjaxError)) throw error;
        return false;
      }
    },
    enterWidget: stillCurrent => ctx.runtime.enterPage('lcard', stillCurrent),
    dispose: () => undefined,
    cardColumn: () => root?.querySelector<HTMLElement>('#card_widgets_column') ?? null,
  };
}
