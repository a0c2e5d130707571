import type { I18nKey } from '../i18n';

/**
 * Which advice fits a weak transition. Stages are never matched by name (metrics.md 2), so the
 * advice follows where the transition sits in the funnel: the share of the funnel behind the stage
 * the deals fail to reach.
 */
export function adviceFor(fromIndex: number, stageCount: number): I18nKey {
  if (stageCount <= 0) return 'fl.advice.proposal';
  const reach = (fromIndex + 1) / stageCount;
  if (fromIndex + 1 >= stageCount) return 'fl.advice.payment';
  if (reach < 0.35) return 'fl.advice.qualification';
  if (reach < 0.6) return 'fl.advice.proposal';
  if (reach < 0.9) return 'fl.advice.contract';
  return 'fl.advice.payment';
}
