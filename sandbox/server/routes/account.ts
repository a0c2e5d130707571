/**
 * `GET /api/v4/account` (reference §4) and the loss reasons (§5). The account answers for every
 * user; `current_user_id` is whoever the request runs as. The account timezone lives in
 * `_embedded.datetime_settings`, keeping amoCRM's `date_formant` typo.
 */
import type { FastifyInstance } from 'fastify';
import type { DemoAccount } from '../../demo/types';
import { currentUser } from '../auth';
import { sendList } from '../faults/malformed';
import { requestOrigin, selfLink, sendHal } from '../hal';
import { sendProblem } from '../problem';
import { queryOf, toInt, withSet } from '../query';
import { bySort, serializeLossReason } from '../serialize';
import type { SandboxContext } from '../types';
import { leadFiltersEnabled } from './leads';

function datetimeSettings(account: DemoAccount) {
  return {
    date_pattern: 'd.m.Y H:i',
    short_date_pattern: 'd.m.Y',
    short_time_pattern: 'H:i',
    date_formant: 'd.m.Y',
    time_format: 'H:i:s',
    timezone: account.account.timezone,
    timezone_offset: account.account.timezone_offset,
  };
}

export function registerAccountRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.get('/account', (request, reply) => {
    const withs = withSet(queryOf(request));
    const { account } = ctx.account;
    const embedded = {
      ...(withs.has('users_groups') && {
        users_groups: ctx.account.groups.map(group => ({
          id: group.id,
          name: group.name,
          uuid: group.uuid,
        })),
      }),
      ...(withs.has('datetime_settings') && { datetime_settings: datetimeSettings(ctx.account) }),
    };
    return sendHal(reply, {
      id: account.id,
      name: account.name,
      subdomain: account.subdomain,
      created_at: account.created_at,
      created_by: 0,
      updated_at: account.created_at,
      updated_by: 0,
      current_user_id: currentUser(request).id,
      country: account.country,
      currency: account.currency,
      currency_symbol: account.currency_symbol,
      customers_mode: 'disabled',
      is_unsorted_on: ctx.account.pipelines.some(pipeline => pipeline.is_unsorted_on),
      is_loss_reason_enabled: account.is_loss_reason_enabled,
      is_helpbot_enabled: false,
      is_technical_account: false,
      contact_name_display_order: 1,
      ...(withs.has('is_api_filter_enabled') && { is_api_filter_enabled: leadFiltersEnabled(ctx) }),
      _links: { self: selfLink(request) },
      ...(Object.keys(embedded).length > 0 && { _embedded: embedded }),
    });
  });

  app.get('/leads/loss_reasons', (request, reply) => {
    const origin = requestOrigin(request);
    const reasons = bySort(ctx.account.lossReasons);
    return sendList(
      ctx,
      reply,
      {
        _total_items: reasons.length,
        _page: 1,
        _links: { self: selfLink(request) },
        _embedded: { loss_reasons: reasons.map(reason => serializeLossReason(origin, reason)) },
      },
      'loss_reasons',
    );
  });

  app.get<{ Params: { id: string } }>('/leads/loss_reasons/:id', (request, reply) => {
    const id = toInt(request.params.id);
    const reason = ctx.account.lossReasons.find(item => item.id === id);
    if (reason === undefined) {
      return sendProblem(reply, 404, `Loss reason ${request.params.id} not found`);
    }
    return sendHal(reply, serializeLossReason(requestOrigin(request), reason));
  });
}
