/**
 * `{pipeline_id, status_id}` pairs, the shape of both the leads `filter[statuses]` and the events
 * `filter[value_before|value_after][leads_statuses]`. Status ids 142/143 repeat in every pipeline,
 * so a pair matches on both ids when both are given.
 */
import { invalidQuery } from '../problem';
import { intParam, recordList } from '../query';

export interface StatusPair {
  readonly pipeline_id?: number;
  readonly status_id?: number;
}

export function statusPairs(value: unknown, path: string): StatusPair[] | undefined {
  return recordList(value, path)?.map((item, index) => {
    const pipelineId = intParam(item.pipeline_id, `${path}[${index}][pipeline_id]`, 1);
    const statusId = intParam(item.status_id, `${path}[${index}][status_id]`, 1);
    if (pipelineId === undefined && statusId === undefined) {
      throw invalidQuery(`${path}[${index}]`, 'expected pipeline_id and/or status_id');
    }
    return {
      ...(pipelineId !== undefined && { pipeline_id: pipelineId }),
      ...(statusId !== undefined && { status_id: statusId }),
    };
  });
}

export function matchesPair(
  pairs: readonly StatusPair[],
  pipelineId: number,
  statusId: number,
): boolean {
  return pairs.some(
    pair =>
      (pair.pipeline_id === undefined || pair.pipeline_id === pipelineId) &&
      (pair.status_id === undefined || pair.status_id === statusId),
  );
}
