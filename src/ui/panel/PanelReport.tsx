import type { VNode } from 'preact';
import type { FunnelReport, OpenDeal } from '../../core';
import type { SnoozeControl } from '../../state';
import { useEnv } from '../env';
import { DrilldownChunk } from './DrilldownChunk';
import { Funnel } from './Funnel';
import { IncomingQueue } from './IncomingQueue';
import { SideStages } from './SideStages';
import { Totals } from './Totals';
import { WeakestCallout } from './WeakestCallout';

export interface Props {
  /** The latest report, possibly while a newer one is computing. */
  readonly report: FunnelReport | null;
  readonly computing: boolean;
  readonly selectedStage: number | null;
  /** The selected stage's open deals; null while they are being asked for. */
  readonly stageDeals: readonly OpenDeal[] | null;
  readonly leadNames: ReadonlyMap<number, string>;
  readonly pipelineId: number;
  /** The pipeline's incoming status (type 1), or null before the pipeline is known. */
  readonly incomingStatusId: number | null;
  readonly onOpen: (stageId: number) => void;
  readonly onBack: () => void;
  readonly focusStageId: number | null;
  /** The snooze action (metrics.md F.6); null where it is not offered. */
  readonly snooze?: SnoozeControl | null | undefined;
}

/**
 * The numbers: totals, the weakest link, the funnel and the incoming queue — or one stage's deals
 * in their place.
 * While a newer report computes, the last one stays on screen, dimmed and marked busy.
 */
export function PanelReport(props: Props): VNode {
  const { t } = useEnv();
  const { report } = props;
  if (!report) {
    return <p class="fl-panel__note">{t('fl.panel.computing')}</p>;
  }
  const stage =
    props.selectedStage === null
      ? undefined
      : (report.stages.find(s => s.id === props.selectedStage) ??
        report.sideStages?.find(s => s.id === props.selectedStage));
  let content: VNode;
  if (stage) {
    content = (
      <DrilldownChunk
        key={stage.id}
        deals={props.stageDeals}
        stage={stage}
        names={props.leadNames}
        pipelineId={props.pipelineId}
        managerIds={report.options.responsibleUserIds}
        slice={report.options.slice ?? null}
        onBack={props.onBack}
        snoozed={report.snoozed?.filter(d => d.stageId === stage.id)}
        snooze={props.snooze ?? null}
      />
    );
  } else if (report.totals.deals === 0) {
    content = <p class="fl-panel__empty">{t('fl.panel.empty')}</p>;
  } else {
    content = (
      <>
        <Totals report={report} />
        {report.weakestTransition && (
          <WeakestCallout report={report} weak={report.weakestTransition} onOpen={props.onOpen} />
        )}
        <Funnel report={report} onOpen={props.onOpen} focusStageId={props.focusStageId} />
        <SideStages report={report} onOpen={props.onOpen} />
        <IncomingQueue
          report={report}
          pipelineId={props.pipelineId}
          incomingStatusId={props.incomingStatusId}
        />
      </>
    );
  }
  return (
    <div
      class={props.computing ? 'fl-report fl-report--stale' : 'fl-report'}
      aria-busy={props.computing}
    >
      {content}
    </div>
  );
}
