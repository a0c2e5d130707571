import type { VNode } from 'preact';
import { useId, useState } from 'preact/hooks';
import type { DistributionsReport, FunnelReport, StageHistogram } from '../../core';
import { Chart, histogramConfig } from '../chart';
import { MetricHint } from '../common/MetricHint';
import { useEnv } from '../env';
import { CloseTrend } from './CloseTrend';
import type { Column } from './DataTable';
import { DataTable } from './DataTable';
import { binLabels, stageName } from './distributionText';
import { MovesMatrix } from './MovesMatrix';
import { Section } from './Section';
import { useReportTools } from './tools';

export interface Props {
  readonly report: FunnelReport;
  readonly distributions: DistributionsReport;
}

/**
 * Distributions (metrics.md F.5): one stage's histogram of time in stage at a time (a chooser
 * picks it), the time to close by month, and the matrix of moves between places.
 */
export function DistributionsSection({ report, distributions }: Props): VNode {
  const { t } = useEnv();
  return (
    <Section id="distributions" title={t('fl.report.dist.title')}>
      <Histogram report={report} distributions={distributions} />
      <CloseTrend
        months={distributions.timeToClose.months}
        zone={distributions.timeToClose.timeZone}
      />
      <MovesMatrix report={report} matrix={distributions.transitions} />
    </Section>
  );
}

interface Bin {
  readonly k: number;
  readonly label: string;
  readonly count: number;
  readonly share: number | null;
}

function Histogram({ report, distributions }: Props): VNode {
  const { t, fmt } = useEnv();
  const { createChart } = useReportTools();
  const id = useId();
  const stages = distributions.stages;
  const [chosen, setChosen] = useState<number | null>(null);
  const stage: StageHistogram | undefined =
    stages.find(s => s.stageId === chosen) ?? stages.find(s => s.samples > 0) ?? stages[0];
  if (!stage) return <></>;
  const labels = binLabels(distributions.binEdgesHours, t, fmt);
  const name = stageName(report, stage.stageId, t);
  const threshold = t('fl.report.dist.hist.threshold', { days: fmt.days(stage.thresholdHours) });
  const bins: Bin[] = stage.counts.map((count, k) => ({
    k,
    label: labels[k] ?? '',
    count,
    share: stage.samples > 0 ? count / stage.samples : null,
  }));
  const columns: Column<Bin>[] = [
    {
      label: t('fl.report.dist.hist.col.bin'),
      hint: t('fl.report.dist.hist.col.binHint'),
      text: true,
      value: b => b.label,
      show: b =>
        b.k === stage.thresholdBin ? (
          <>
            {b.label}
            <span class="fl-badge fl-badge--warn">{t('fl.report.dist.hist.mark')}</span>
          </>
        ) : (
          b.label
        ),
    },
    {
      label: t('fl.report.dist.hist.col.visits'),
      hint: t('fl.report.dist.hist.col.visitsHint'),
      value: b => b.count,
      show: b => fmt.int(b.count),
    },
    {
      label: t('fl.report.dist.hist.col.share'),
      hint: t('fl.report.dist.hist.col.shareHint'),
      value: b => b.share,
      show: b => fmt.percent(b.share),
    },
  ];
  const items = bins.map(b => `${b.label}: ${fmt.int(b.count)}`).join('; ');
  return (
    <div class="fl-dist">
      <h3>{t('fl.report.dist.hist.heading')}</h3>
      <span class="fl-report__control">
        <label for={`${id}-stage`}>{t('fl.report.dist.stage')}</label>
        <select
          id={`${id}-stage`}
          value={String(stage.stageId)}
          onChange={e => setChosen(Number(e.currentTarget.value))}
        >
          {stages.map(s => (
            <option key={s.stageId} value={String(s.stageId)}>
              {stageName(report, s.stageId, t)}
            </option>
          ))}
        </select>
      </span>
      <p class="fl-dist__threshold">
        <MetricHint text={t('fl.report.dist.hist.thresholdHint')}>
          <strong>{threshold}</strong>
        </MetricHint>{' '}
        <MetricHint text={t('fl.report.dist.hist.overHint')}>
          {t('fl.report.dist.hist.over', {
            count: fmt.int(stage.overThreshold),
            total: fmt.int(stage.samples),
          })}
        </MetricHint>
      </p>
      {stage.samples === 0 ? <p class="fl-report__note">{t('fl.report.dist.hist.empty')}</p> : null}
      <Chart
        build={theme => histogramConfig(stage, labels, { t, fmt, theme })}
        source={stage}
        label={t('fl.report.dist.hist.label', { stage: name, threshold, items })}
        height={220}
        createChart={createChart}
      />
      <DataTable
        caption={t('fl.report.dist.hist.caption', { stage: name })}
        columns={columns}
        rows={bins}
        rowKey={b => b.k}
        rowClass={b => (b.k >= stage.thresholdBin ? 'fl-row--weak' : undefined)}
        csvName={`time-histogram-${stage.stageId}`}
      />
    </div>
  );
}
