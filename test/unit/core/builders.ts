/**
 * Hand-built pipelines, leads and histories for the engine tests. Times are small numbers of
 * hours after T0 so expected durations can be read off the test.
 */
import type { FunnelInput, Lead, Pipeline, ReportOptions, StatusChange } from '../../../src/core';

export const T0 = 1_700_000_000;
export const H = 3600;
export const at = (hours: number): number => T0 + hours * H;

/** Main pipeline P: incoming, stages A < B < C (by sort), won, lost. */
export const P = 100;
export const INC = 1000;
export const A = 1001;
export const B = 1002;
export const C = 1003;
/** Second pipeline Q: incoming and one stage X. */
export const Q = 200;
export const QINC = 2000;
export const X = 2001;
export const WON = 142;
export const LOST = 143;

const status = (id: number, pipelineId: number, sort: number, name: string, type = 0) => ({
  id,
  pipelineId,
  name,
  sort,
  type,
  color: null,
});

export const pipelineP: Pipeline = {
  id: P,
  name: 'Продажи',
  sort: 1,
  isMain: true,
  isArchive: false,
  // Deliberately listed out of order: the funnel is ordered by sort, not by listing.
  statuses: [
    status(C, P, 40, 'Отправлено КП'),
    status(WON, P, 10000, 'Успешно реализовано'),
    status(INC, P, 10, 'Неразобранное', 1),
    status(A, P, 20, 'Новый лид'),
    status(LOST, P, 11000, 'Закрыто и не реализовано'),
    status(B, P, 30, 'Квалифицирован'),
  ],
};

export const pipelineQ: Pipeline = {
  id: Q,
  name: 'Повторные продажи',
  sort: 2,
  isMain: false,
  isArchive: false,
  statuses: [
    status(QINC, Q, 10, 'Неразобранное', 1),
    status(X, Q, 20, 'Новый запрос'),
    status(WON, Q, 10000, 'Успешно'),
    status(LOST, Q, 11000, 'Не реализовано'),
  ],
};

export function lead(id: number, over: Partial<Lead> = {}): Lead {
  return {
    id,
    name: `Lead ${id}`,
    pipelineId: P,
    statusId: A,
    createdAt: at(0),
    updatedAt: at(0),
    closedAt: null,
    price: 1000,
    responsibleUserId: 1,
    lossReasonId: null,
    isDeleted: false,
    ...over,
  };
}

let autoId = 0;
/** A status change of `leadId` at `hours` from `[pipeline, status]` to `[pipeline, status]`. */
export function ev(
  leadId: number,
  hours: number,
  from: [number, number],
  to: [number, number],
  id = `e${++autoId}`,
): StatusChange {
  return {
    id,
    leadId,
    createdAt: at(hours),
    before: { pipelineId: from[0], statusId: from[1] },
    after: { pipelineId: to[0], statusId: to[1] },
  };
}

/** Shorthand for a change within pipeline P. */
export const mv = (
  leadId: number,
  hours: number,
  from: number,
  to: number,
  id?: string,
): StatusChange => ev(leadId, hours, [P, from], [P, to], id);

export function input(
  leads: Lead[],
  events: StatusChange[] = [],
  extra: Partial<FunnelInput> = {},
): FunnelInput {
  return { pipeline: pipelineP, leads, events, lossReasons: [], ...extra };
}

/** A window that contains every lead created at or after T0 - 1 day, and `now` well after. */
export const wide: ReportOptions = { from: at(-24), to: at(10_000), now: at(10_000) };
