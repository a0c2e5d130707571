/**
 * The sandbox's in-memory amoCRM account. Field names and shapes are amoCRM's own (snake_case, as
 * API v4 returns them), so the emulator can serve these objects with only HAL wrapping (`_links`,
 * `_embedded`) added. The generator in this folder builds one deterministically from a seed.
 */
import type { HostLang } from '../host/protocol';

export interface DemoStatus {
  id: number;
  name: string;
  sort: number;
  is_editable: boolean;
  pipeline_id: number;
  color: string;
  /** 1 = incoming ("Неразобранное"), 0 = ordinary (142 and 143 too). */
  type: 0 | 1;
  account_id: number;
}

export interface DemoPipeline {
  id: number;
  name: string;
  sort: number;
  is_main: boolean;
  is_unsorted_on: boolean;
  is_archive: boolean;
  account_id: number;
  statuses: DemoStatus[];
}

export interface DemoTag {
  id: number;
  name: string;
  color: string | null;
}

export interface DemoLead {
  id: number;
  name: string;
  price: number;
  responsible_user_id: number;
  group_id: number;
  status_id: number;
  pipeline_id: number;
  loss_reason_id: number | null;
  created_by: number;
  updated_by: number;
  created_at: number;
  updated_at: number;
  closed_at: number | null;
  closest_task_at: number | null;
  is_deleted: boolean;
  /** Only the fields that have a value, in the account's field order; null when none has one. */
  custom_fields_values: readonly DemoCustomFieldValue[] | null;
  score: number | null;
  account_id: number;
  tags: DemoTag[];
}

/**
 * One field's value on a lead, as amoCRM reads it back. Demo leads share these objects (frozen),
 * so a 100,000-lead account holds a few dozen of them, not 100,000.
 */
export interface DemoCustomFieldValue {
  readonly field_id: number;
  readonly field_name: string;
  readonly field_code: string | null;
  readonly field_type: DemoCustomFieldType;
  /** List fields carry the chosen enum (`enum_code` null unless the enum has a code). */
  readonly values: readonly {
    /** A date field's epoch seconds are kept as their text; the API sends them as a number. */
    readonly value: string;
    readonly enum_id?: number;
    readonly enum_code?: string | null;
  }[];
}

/** The field types the demo uses; amoCRM has more (text, numeric, multiselect, date…). */
export type DemoCustomFieldType = 'select' | 'tracking_data' | 'text' | 'date';

export interface DemoCustomFieldEnum {
  readonly id: number;
  readonly value: string;
  readonly sort: number;
}

/** A lead custom field of the account (`GET /api/v4/leads/custom_fields`). */
export interface DemoCustomField {
  readonly id: number;
  readonly name: string;
  readonly type: DemoCustomFieldType;
  /** amoCRM's own fields have a code (`UTM_SOURCE`); fields an admin adds have none. */
  readonly code: string | null;
  readonly sort: number;
  readonly is_api_only: boolean;
  /** The choices of a list field, null for other types. */
  readonly enums: readonly DemoCustomFieldEnum[] | null;
}

export interface DemoLeadStatusValue {
  lead_status: { id: number; pipeline_id: number };
}

export interface DemoNoteValue {
  note: { id: number };
}

export interface DemoResponsibleValue {
  responsible_user: { id: number };
}

export type DemoEvent =
  | DemoEventBase<'lead_status_changed', DemoLeadStatusValue>
  | DemoEventBase<'lead_added', DemoNoteValue>
  | DemoEventBase<'entity_responsible_changed', DemoResponsibleValue>
  | DemoEventBase<'lead_deleted' | 'lead_restored', never>;

export interface DemoEventBase<T extends string, V> {
  /** amoCRM event ids are opaque strings such as "01pz58t6p04ymgsgfbmfyfy1mf". */
  id: string;
  type: T;
  entity_id: number;
  entity_type: 'lead';
  /** 0 = system / robot / Digital Pipeline. */
  created_by: number;
  created_at: number;
  value_before: V[];
  value_after: V[];
  account_id: number;
}

export interface DemoUser {
  id: number;
  name: string;
  email: string;
  lang: HostLang;
  group_id: number;
  is_admin: boolean;
  is_active: boolean;
  /** What the user may see of leads: A = all, G = own group, M = own only. */
  leads_view: 'A' | 'G' | 'M';
  /** What the user may edit of leads (`rights.leads.edit`), D = nothing; as `leads_view` when absent. */
  leads_edit?: 'A' | 'G' | 'M' | 'D';
}

export interface DemoGroup {
  id: number;
  name: string;
  uuid: string | null;
}

export interface DemoLossReason {
  id: number;
  name: string;
  sort: number;
  created_at: number;
  updated_at: number;
}

export interface DemoAccountInfo {
  id: number;
  name: string;
  subdomain: string;
  country: string;
  currency: string;
  currency_symbol: string;
  timezone: string;
  timezone_offset: string;
  created_at: number;
  is_loss_reason_enabled: boolean;
  is_api_filter_enabled: boolean;
}

export interface DemoAccount {
  account: DemoAccountInfo;
  groups: DemoGroup[];
  users: DemoUser[];
  pipelines: DemoPipeline[];
  leads: DemoLead[];
  /** Every event of the account, oldest first. */
  events: DemoEvent[];
  lossReasons: DemoLossReason[];
  /** Lead custom fields, by `sort`. */
  customFields: DemoCustomField[];
}

export interface DemoOptions {
  seed: number;
  /** The account's language: names, currency and price scale (default ru, see localize.ts). */
  lang?: HostLang;
  /** Total number of leads in the account (~88% start in the main pipeline, the rest in the second). */
  leads: number;
  /**
   * The demo's "today": history covers the 12 months before it (18 above 10,000 leads, see
   * `demoHistoryDays`). Epoch seconds.
   */
  now: number;
}
