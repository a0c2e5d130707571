import type { StageReport } from '../../core';
import type { I18nKey } from '../../i18n';

type Source = StageReport['stuckThresholdSource'];

/** Where a stuck threshold came from, in the contract's words (metrics.md 7). */
export const SOURCE_HINT: Record<Source, I18nKey> = {
  setting: 'fl.metric.thresholdSetting',
  learned: 'fl.metric.thresholdLearned',
  default: 'fl.metric.thresholdDefault',
};

export const SOURCE_LABEL: Record<Source, I18nKey> = {
  setting: 'fl.report.source.setting',
  learned: 'fl.report.source.learned',
  default: 'fl.report.source.default',
};
