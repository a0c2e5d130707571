/**
 * Leads and status changes as columns: one typed array per numeric field and one JSON string per
 * text field. A million small objects cost seconds to copy between threads or to read back from
 * IndexedDB (each object is cloned field by field); the same data as a few typed arrays moves in
 * milliseconds (postMessage can transfer the buffers without copying at all).
 */
import type { Visit } from './history';
import type { Lead, StatusChange } from './types';

export interface PackedEvents {
  readonly count: number;
  /** JSON array of the event ids (strings). */
  readonly ids: string;
  readonly leadId: Float64Array;
  readonly createdAt: Float64Array;
  readonly beforePipeline: Float64Array;
  readonly beforeStatus: Float64Array;
  readonly afterPipeline: Float64Array;
  readonly afterStatus: Float64Array;
}

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
}

const orNaN = (v: number | null): number => (v === null ? Number.NaN : v);
const orNull = (v: number | undefined): number | null =>
  v === undefined || Number.isNaN(v) ? null : v;

export function packEvents(events: readonly StatusChange[]): PackedEvents {
  const n = events.length;
  const cols = {
    leadId: new Float64Array(n),
    createdAt: new Float64Array(n),
    beforePipeline: new Float64Array(n),
    beforeStatus: new Float64Array(n),
    afterPipeline: new Float64Array(n),
    afterStatus: new Float64Array(n),
  };
  const ids = new Array<string>(n);
  events.forEach((e, i) => {
    ids[i] = e.id;
    cols.leadId[i] = e.leadId;
    cols.createdAt[i] = e.createdAt;
    cols.beforePipeline[i] = e.before.pipelineId;
    cols.beforeStatus[i] = e.before.statusId;
    cols.afterPipeline[i] = e.after.pipelineId;
    cols.afterStatus[i] = e.after.statusId;
  });
  return { count: n, ids: JSON.stringify(ids), ...cols };
}

export function unpackEvents(p: PackedEvents): StatusChange[] {
  const ids = JSON.parse(p.ids) as string[];
  const out = new Array<StatusChange>(p.count);
  for (let i = 0; i < p.count; i++) {
    out[i] = {
      id: ids[i] ?? '',
      leadId: p.leadId[i] ?? 0,
      createdAt: p.createdAt[i] ?? 0,
      before: { pipelineId: p.beforePipeline[i] ?? 0, statusId: p.beforeStatus[i] ?? 0 },
      after: { pipelineId: p.afterPipeline[i] ?? 0, statusId: p.afterStatus[i] ?? 0 },
    };
  }
  return out;
}

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
  };
  const names = new Array<string>(n);
  leads.forEach((l, i) => {
    names[i] = l.name;
    cols.id[i] = l.id;
    cols.pipelineId[i] = l.pipelineId;
    cols.statusId[i] = l.statusId;
    cols.createdAt[i] = l.createdAt;
    cols.updatedAt[i] = l.updatedAt;
    cols.closedAt[i] = orNaN(l.closedAt);
    cols.price[i] = l.price;
    cols.responsibleUserId[i] = l.responsibleUserId;
    cols.lossReasonId[i] = orNaN(l.lossReasonId);
    cols.isDeleted[i] = l.isDeleted ? 1 : 0;
  });
  return { count: n, names: JSON.stringify(names), ...cols };
}

export function unpackLeads(p: PackedLeads): Lead[] {
  const names = JSON.parse(p.names) as string[];
  const out = new Array<Lead>(p.count);
  for (let i = 0; i < p.count; i++) {
    out[i] = {
      id: p.id[i] ?? 0,
      name: names[i] ?? '',
      pipelineId: p.pipelineId[i] ?? 0,
      statusId: p.statusId[i] ?? 0,
      createdAt: p.createdAt[i] ?? 0,
      updatedAt: p.updatedAt[i] ?? 0,
      closedAt: orNull(p.closedAt[i]),
      price: p.price[i] ?? 0,
      responsibleUserId: p.responsibleUserId[i] ?? 0,
      lossReasonId: orNull(p.lossReasonId[i]),
      isDeleted: p.isDeleted[i] === 1,
    };
  }
  return out;
}

/** The buffers behind packed columns, for postMessage's transfer list. */
export function packedBuffers(p: PackedEvents | PackedLeads | PackedVisits): ArrayBuffer[] {
  return Object.values(p)
    .filter((v): v is ArrayBufferView => ArrayBuffer.isView(v))
    .map(v => v.buffer as ArrayBuffer);
}

/**
 * Visits (metrics.md 4) of many leads as columns, in lead order and each lead's visits in order.
 * Ids fit 32 bits (0 stands for "none": amoCRM has no status or pipeline 0); times stay 64-bit so
 * an open visit's end can be NaN.
 */
export interface PackedVisits {
  readonly count: number;
  readonly leadId: Float64Array;
  readonly pipelineId: Uint32Array;
  readonly statusId: Uint32Array;
  readonly start: Float64Array;
  /** NaN while the visit goes on. */
  readonly end: Float64Array;
  /** The `value_before` of the event that began the visit; 0 when no event began it. */
  readonly fromPipeline: Uint32Array;
  readonly fromStatus: Uint32Array;
  /** 1 when the visit began before the loaded history. */
  readonly censored: Uint8Array;
}

export function packVisits(
  histories: readonly { readonly leadId: number; readonly visits: readonly Visit[] }[],
): PackedVisits {
  const n = histories.reduce((sum, h) => sum + h.visits.length, 0);
  const p = {
    count: n,
    leadId: new Float64Array(n),
    pipelineId: new Uint32Array(n),
    statusId: new Uint32Array(n),
    start: new Float64Array(n),
    end: new Float64Array(n),
    fromPipeline: new Uint32Array(n),
    fromStatus: new Uint32Array(n),
    censored: new Uint8Array(n),
  };
  let i = 0;
  for (const { leadId, visits } of histories) {
    for (const v of visits) {
      p.leadId[i] = leadId;
      p.pipelineId[i] = v.pipelineId;
      p.statusId[i] = v.statusId;
      p.start[i] = v.start;
      p.end[i] = orNaN(v.end);
      p.fromPipeline[i] = v.from?.pipelineId ?? 0;
      p.fromStatus[i] = v.from?.statusId ?? 0;
      p.censored[i] = v.censored ? 1 : 0;
      i++;
    }
  }
  return p;
}

/** Each lead's visits, in the packed order. */
export function unpackVisits(p: PackedVisits): Map<number, Visit[]> {
  const out = new Map<number, Visit[]>();
  for (let i = 0; i < p.count; i++) {
    const leadId = p.leadId[i] ?? 0;
    const fromStatus = p.fromStatus[i] ?? 0;
    const visit: Visit = {
      pipelineId: p.pipelineId[i] ?? 0,
      statusId: p.statusId[i] ?? 0,
      start: p.start[i] ?? 0,
      end: orNull(p.end[i]),
      from: fromStatus === 0 ? null : { pipelineId: p.fromPipeline[i] ?? 0, statusId: fromStatus },
      censored: p.censored[i] === 1,
    };
    const list = out.get(leadId);
    if (list) list.push(visit);
    else out.set(leadId, [visit]);
  }
  return out;
}
