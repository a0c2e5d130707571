import type { FunnelReport } from '../../core';
import { WON_STATUS_ID } from '../../core';
import type { Translate } from '../../i18n';

/** A stage's name as the report has it; 142 is "won" in every pipeline (metrics.md 2). */
export function stageName(t: Translate, report: FunnelReport, stageId: number): string {
  if (stageId === WON_STATUS_ID) return t('fl.panel.funnel.won');
  return report.stages.find(s => s.id === stageId)?.name ?? `#${stageId}`;
}
