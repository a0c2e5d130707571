import type { ThresholdSource } from '../../core';
import type { I18nKey } from '../../i18n';

/** Where a stuck threshold came from, in the contract's words (metrics.md 7). */
export const SOURCE_HINT: Readonly<Record<ThresholdSource, I18nKey>> = {
  setting: 'fl.metric.thresholdSetting',
  learned: 'fl.metric.thresholdLearned',
  default: 'fl.metric.thresholdDefault',
};

/** The same, as the short label of the full report's time table. */
export const SOURCE_LABEL: Readonly<Record<ThresholdSource, I18nKey>> = {
  setting: 'fl.report.source.setting',
  learned: 'fl.report.source.learned',
  default: 'fl.report.source.default',
};
