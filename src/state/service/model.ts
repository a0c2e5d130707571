/**
 * The engine's side of the service: the model over the held history, brought up to date after
 * each sync step, and the questions the page asks of it.
 */
import type {
  FunnelModel,
  OpenDeal,
  Period,
  ReportOptions,
  SideCandidate,
  JourneyOptions,
  Visit,
} from '../../core';
import {
  buildFunnel,
  leadJourney,
  modelFromFacts,
  reportFromModel,
  stageDepartures,
  stageNorms,
  updateModel,
  WON_STATUS_ID,
  LOST_STATUS_ID,
} from '../../core';
import type { HistoryStore, ScopeMeta, StepResult } from '../../sync';
import { PipelineGone } from '../../sync';
import { EngineError } from '../engine/errors';
import { modelFacets } from './facets';
import type { DealLists, JourneyView, PartialCounts, ReportView, StageDealsView } from './types';

/**
 * The model built afresh over everything the store holds. A copy whose meta lacks its pipeline
 * (the account as last read had none) throws PipelineGone, which the status shows as such.
 */
export function buildFromStore(
  store: HistoryStore,
  meta: ScopeMeta,
  sideStageIds: readonly number[] = [],
): FunnelModel {
  const pipeline = meta.pipelines.find(p => p.id === meta.pipelineId);
  if (!pipeline) throw new PipelineGone(meta.pipelineId);
  return modelFromFacts(
    buildFunnel(pipeline, sideStageIds),
    pipeline,
    meta.lossReasons,
    store.allFacts(),
    store.historyFrom(),
  );
}

/** The model after a refresh step (few leads changed); other steps rebuild it. */
export function afterStep(
  model: FunnelModel,
  result: StepResult,
  store: HistoryStore,
  meta: ScopeMeta,
  sideStageIds: readonly number[] = [],
): FunnelModel {
  if (result.kind !== 'refresh' || result.metaChanged || store.historyFrom() !== model.historyFrom)
    return buildFromStore(store, meta, sideStageIds);
  return updateModel(model, result, () => store.allFacts());
}

function namesOf(model: FunnelModel, lists: readonly (readonly OpenDeal[])[]) {
  const leadNames: Record<string, string> = {};
  for (const list of lists)
    for (const deal of list) {
      const name = model.factsById.get(deal.leadId)?.lead.name;
      if (name !== undefined) leadNames[String(deal.leadId)] = name;
    }
  return leadNames;
}

export function reportView(
  model: FunnelModel | null,
  options: ReportOptions,
  lists: DealLists = 'full',
): ReportView {
  if (!model) throw new EngineError('NO_DATA');
  const departures = departuresOf(model);
  const facets = modelFacets(model);
  if (lists === 'none') {
    const report = reportFromModel(model, { ...options, includeOpenDeals: false });
    return { report: { ...report, stuck: [] }, lists, leadNames: {}, departures, facets };
  }
  const report = reportFromModel(model, options);
  const leadNames = namesOf(model, [report.openDeals ?? [], report.stuck]);
  return { report, lists, leadNames, departures, facets };
}

// One pass over every visit per model, not per question: periods change far more often.
const departuresMemo = new WeakMap<FunnelModel, readonly SideCandidate[]>();
function departuresOf(model: FunnelModel): readonly SideCandidate[] {
  let held = departuresMemo.get(model);
  if (!held) {
    held = stageDepartures(model);
    departuresMemo.set(model, held);
  }
  return held;
}

export function stageDealsView(
  model: FunnelModel | null,
  options: ReportOptions,
  stageId: number,
): StageDealsView {
  if (!model) throw new EngineError('NO_DATA');
  const all = reportFromModel(model, { ...options, includeOpenDeals: true }).openDeals ?? [];
  const deals = all.filter(d => d.stageId === stageId);
  return { stageId, deals, leadNames: namesOf(model, [deals]) };
}

export function journeyView(
  model: FunnelModel | null,
  leadId: number,
  now: number,
  stuck: JourneyOptions,
  visits: readonly Visit[] | undefined,
): JourneyView {
  if (!model) throw new EngineError('NO_DATA');
  const norms = stageNorms(model, stuck, now);
  const week = stuck.stuckClock === 'working' ? (stuck.workingWeek ?? null) : null;
  return {
    journey: visits ? leadJourney(model, leadId, now, norms, visits, week) : null,
    norms,
  };
}

/** The period's deals from the leads alone: who was created then, and where each is now. */
export function partialCounts(store: HistoryStore, period: Period): PartialCounts {
  let deals = 0;
  let won = 0;
  let lost = 0;
  const atStage: Record<string, number> = {};
  for (const id of store.leadIds()) {
    const lead = store.lead(id);
    if (!lead || lead.createdAt < period.from || lead.createdAt >= period.to) continue;
    deals++;
    if (lead.statusId === WON_STATUS_ID) won++;
    else if (lead.statusId === LOST_STATUS_ID) lost++;
    else atStage[String(lead.statusId)] = (atStage[String(lead.statusId)] ?? 0) + 1;
  }
  return { period, deals, won, lost, open: deals - won - lost, atStage };
}
