import type { VNode } from 'preact';
import { useId } from 'preact/hooks';
import type { DataModel } from '../../state';
import type { ReportModel } from '../../state';
import { latest } from '../../state';
import type { NamesState } from '../common';
import { ManagerFilter, PeriodPicker, SliceFilter, SyncStatus } from '../common';
import { useEnv } from '../env';
import { CountingSwitches } from './CountingSwitches';

export interface Props {
  readonly data: DataModel;
  readonly report: ReportModel;
  readonly pipelines: readonly { readonly id: number; readonly name: string }[];
  readonly pipelineId: number;
  readonly timeZone: string;
  readonly onPipelineChange: (id: number) => void;
  /** The account's tag and field names for the filter, read when it is first opened. */
  readonly sliceNames?:
    | {
        readonly state: NamesState;
        readonly load: () => void;
        /** The admin's source field (settings), which the filter lists first. */
        readonly sourceFieldId: number | null;
      }
    | undefined;
}

const NO_NAMES: NamesState = { status: 'idle' };
const noop = () => undefined;

const STEPS = ['week', 'month'] as const;

/**
 * What the report is about (pipeline, period, managers, counting mode, money, trend step) and how
 * fresh it is.
 */
export function Controls({
  data,
  report,
  pipelines,
  pipelineId,
  timeZone,
  onPipelineChange,
  sliceNames,
}: Props): VNode {
  const { t } = useEnv();
  const id = useId();
  const activity = data.status.value.activity.kind;
  const busy = activity === 'syncing' || activity === 'opening';
  return (
    <div class="fl-report__controls" role="group" aria-label={t('fl.report.controls')}>
      <span class="fl-report__control">
        <label for={`${id}-pipeline`}>{t('fl.report.pipeline')}</label>
        <select
          id={`${id}-pipeline`}
          value={String(pipelineId)}
          onChange={e => {
            const next = Number(e.currentTarget.value);
            if (next !== pipelineId) onPipelineChange(next);
          }}
        >
          {pipelines.map(p => (
            <option key={p.id} value={String(p.id)}>
              {p.name}
            </option>
          ))}
        </select>
      </span>
      <PeriodPicker value={report.period.value} onChange={report.setPeriod} timeZone={timeZone} />
      <ManagerFilter value={report.managers.value} onChange={report.setManagers} />
      <SliceFilter
        value={report.slice.value}
        onChange={report.setSlice}
        facets={latest(report.state.value)?.facets ?? null}
        names={sliceNames?.state ?? NO_NAMES}
        onNeedNames={sliceNames?.load ?? noop}
        sourceFieldId={sliceNames?.sourceFieldId ?? null}
      />
      <CountingSwitches report={report} />
      <span class="fl-report__control">
        <label for={`${id}-step`}>{t('fl.report.granularity')}</label>
        <select
          id={`${id}-step`}
          value={report.trend.value ?? 'week'}
          onChange={e => {
            const step = STEPS.find(s => s === e.currentTarget.value);
            if (step) report.setTrend(step);
          }}
        >
          {STEPS.map(s => (
            <option key={s} value={s}>
              {t(`fl.report.${s}`)}
            </option>
          ))}
        </select>
      </span>
      {/* aria-disabled, not disabled: focus stays on the button that was pressed (WCAG 2.4.3). */}
      <button
        type="button"
        aria-disabled={busy ? 'true' : undefined}
        onClick={() => {
          if (!busy) data.refresh();
        }}
      >
        {t('fl.report.refresh')}
      </button>
      <SyncStatus data={data} />
    </div>
  );
}
