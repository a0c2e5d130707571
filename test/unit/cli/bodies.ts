/**
 * Saved API bodies for the CLI's report tests, over amoCRM's published pipeline 3177727
 * (test/fixtures/amocrm-docs-examples): incoming 32392156, stages 32392159 («Первичный контакт»)
 * < 32392165, then 142 and 143.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(join(__dirname, '../../fixtures/amocrm-docs-examples', name), 'utf8'));

export const P = 3177727;
export const [S1, S2] = [32392159, 32392165] as const;
export const T = 1_767_225_600; // 2026-01-01T00:00:00Z, a Thursday
export const DAY = 86_400;

/** A lead of P as `GET /api/v4/leads` gives it; its budget is 1000 × its id. */
export const lead = (id: number, status: number, created: number, updated = created) => ({
  id,
  name: `Сделка ${id}`,
  price: 1000 * id,
  responsible_user_id: 7,
  status_id: status,
  pipeline_id: P,
  created_at: created,
  updated_at: updated,
  loss_reason_id: null,
  is_deleted: false,
});

/** A status change within P as `GET /api/v4/events` gives it. */
export const change = (id: string, leadId: number, at: number, from: number, to: number) => ({
  id,
  type: 'lead_status_changed',
  entity_id: leadId,
  entity_type: 'lead',
  created_at: at,
  value_before: [{ lead_status: { id: from, pipeline_id: P } }],
  value_after: [{ lead_status: { id: to, pipeline_id: P } }],
});
