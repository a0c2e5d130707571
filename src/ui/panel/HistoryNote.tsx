import type { VNode } from 'preact';
import type { FunnelReport } from '../../core';
import { useEnv } from '../env';

export interface Props {
  readonly report: FunnelReport;
  /** The backfill still runs (the history will reach further back). */
  readonly loading: boolean;
}

/**
 * Says when the numbers rest on less history than the period asks for, so no number is silently
 * partial: the period, or the previous one it is compared with, begins before the loaded history.
 */
export function HistoryNote({ report, loading }: Props): VNode | null {
  const { t, fmt } = useEnv();
  const from = report.options.historyFrom;
  if (from === null) return null;
  const date = fmt.date(from);
  if (report.period.from < from) {
    return (
      <p class="fl-history-note" role="note">
        {t(loading ? 'fl.panel.history.periodLoading' : 'fl.panel.history.periodBeyond', { date })}
      </p>
    );
  }
  if (report.previous.period.from < from) {
    return (
      <p class="fl-history-note" role="note">
        {t(loading ? 'fl.panel.history.previousLoading' : 'fl.panel.history.previousBeyond', {
          date,
        })}
      </p>
    );
  }
  return null;
}

/** Whether the comparison with the previous period rests on all of its history. */
export function previousComplete(report: FunnelReport): boolean {
  const from = report.options.historyFrom;
  return from === null || report.previous.period.from >= from;
}
