/**
 * Leads as columns: one typed array per numeric field and one JSON string per
 * text field. A million small objects cost seconds to copy between threads or to read back from
 * IndexedDB (each object is cloned field by field); the same data as a few typed arrays moves in
 * milliseconds (postMessage can transfer the buffers without copying at all).
 */
import type { FieldValue, Lead } from './types';

export interface PackedLeads {
  readonly count: number;
  /** JSON array of the lead names. */
  readonly names: string;
  readonly id: Float64Array;
  readonly pipelineId: Float64Array;
  readonly statusId: Float64Array;
  readonly createdAt: Float64Array;
  readonly updatedAt: Float64Array;
  /** NaN for null. */
  readonly closedAt: Float64Array;
  readonly price: Float64Array;
  readonly responsibleUserId: Float64Array;
  /** NaN for null. */
  readonly lossReasonId: Float64Array;
  /** 1 when deleted. */
  readonly isDeleted: Uint8Array;
  /**
   * The slice extensions' data (metrics.md, "Slices", "Unattended"): JSON arrays of each lead's
   * tag ids and custom field values, null where the lead has none (the API reader leaves empty
   * ones out, and a filter reads "none" and "not carried" alike).
   */
  readonly tagIds: string;
  readonly fields: string;
  /** NaN for null (no open task). */
  readonly closestTaskAt: Float64Array;
  /** 1 when the lead carried `closestTaskAt` at all; without it nobody knows (0). */
  readonly closestTaskKnown: Uint8Array;
}

const orNaN = (v: number | null): number => (v === null ? Number.NaN : v);
const orNull = (v: number | undefined): number | null =>
  v === undefined || Number.isNaN(v) ? null : v;

type Fields = Readonly<Record<string, readonly FieldValue[]>>;

export function packLeads(leads: readonly Lead[]): PackedLeads {
  const n = leads.length;
  const f = () => new Float64Array(n);
  const cols = {
    id: f(),
    pipelineId: f(),
    statusId: f(),
    createdAt: f(),
    updatedAt: f(),
    closedAt: f(),
    price: f(),
    responsibleUserId: f(),
    lossReasonId: f(),
    isDeleted: new Uint8Array(n),
    closestTaskAt: f(),
    closestTaskKnown: new Uint8Array(n),
  };
  const names = new Array<string>(n);
  const tagIds = new Array<readonly number[] | null>(n);
  const fields = new Array<Fields | null>(n);
  leads.forEach((l, i) => {
    names[i] = l.name;
    cols.id[i] = l.id;
    cols.pipelineId[i] = l.pipelineId;
    cols.statusId[i] = l.statusId;
    cols.createdAt[i] = l.createdAt;
    cols.updatedAt[i] = l.updatedAt;
    cols.closedAt[i] = orNaN(l.closedAt);
    cols.price[i] = l.price;
    cols.responsibleUserId[i] = orNaN(l.responsibleUserId);
    cols.lossReasonId[i] = orNaN(l.lossReasonId);
    cols.isDeleted[i] = l.isDeleted ? 1 : 0;
    tagIds[i] = l.tagIds ?? null;
    fields[i] = l.fields ?? null;
    cols.closestTaskAt[i] = orNaN(l.closestTaskAt ?? null);
    cols.closestTaskKnown[i] = l.closestTaskAt === undefined ? 0 : 1;
  });
  return {
    count: n,
    names: JSON.stringify(names),
    tagIds: JSON.stringify(tagIds),
    fields: JSON.stringify(fields),
    ...cols,
  };
}

export function unpackLeads(p: PackedLeads): Lead[] {
  const names = JSON.parse(p.names) as string[];
  // Our own write of the same layout (the cache's version guards it), so read as written.
  const tagIds = JSON.parse(p.tagIds) as (readonly number[] | null)[];
  const fields = JSON.parse(p.fields) as (Fields | null)[];
  const out = new Array<Lead>(p.count);
  for (let i = 0; i < p.count; i++) {
    const tags = tagIds[i];
    const values = fields[i];
    out[i] = {
      id: p.id[i] ?? 0,
      name: names[i] ?? '',
      pipelineId: p.pipelineId[i] ?? 0,
      statusId: p.statusId[i] ?? 0,
      createdAt: p.createdAt[i] ?? 0,
      updatedAt: p.updatedAt[i] ?? 0,
      closedAt: orNull(p.closedAt[i]),
      price: p.price[i] ?? 0,
      responsibleUserId: orNull(p.responsibleUserId[i]),
      lossReasonId: orNull(p.lossReasonId[i]),
      isDeleted: p.isDeleted[i] === 1,
      ...(tags ? { tagIds: tags } : {}),
      ...(values ? { fields: values } : {}),
      ...(p.closestTaskKnown[i] === 1 ? { closestTaskAt: orNull(p.closestTaskAt[i]) } : {}),
    };
  }
  return out;
}
