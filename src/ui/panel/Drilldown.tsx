import type { VNode } from 'preact';
import { useId, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { OpenDeal, SnoozedDeal, StageReport } from '../../core';
import { isDealStuck } from '../../core';
import type { SnoozeControl } from '../../state';
import { listPart } from '../common/sliceChoices';
import { workingText } from '../common/workingText';
import { useEnv } from '../env';
import { DealRow } from './DealRow';
import type { DrillTab } from './DrillTabs';
import { DrillTabs, panelId, tabId } from './DrillTabs';
import { DrillFrame } from './DrillFrame';
import { Icon } from './Icon';

export interface Props {
  /** The stage's open deals in the report's order; null while they are being asked for. */
  readonly deals: readonly OpenDeal[] | null;
  /** A funnel stage, or a side stage (metrics.md 11.3): what both report of it. */
  readonly stage: Pick<
    StageReport,
    'id' | 'name' | 'stuck' | 'stuckThresholdHours' | 'stuckThresholdWorkingHours' | 'now'
  >;
  /** Deal names by lead id. */
  readonly names: ReadonlyMap<number, string>;
  readonly pipelineId: number;
  /** The report's manager filter (null: all managers); the list link applies the same one. */
  readonly managerIds: readonly number[] | null;
  /** The report's slice as it echoes it; the list link applies what amoCRM's list can. */
  readonly slice?: Parameters<typeof listPart>[0];
  readonly onBack: () => void;
  /**
   * The stage's snoozed deals (metrics.md F.6), listed apart and left out of the stuck ones;
   * undefined when the admin has not chosen the snooze fields.
   */
  readonly snoozed?: readonly SnoozedDeal[] | undefined;
  /** The snooze action; null where the user may not write or the fields are not chosen. */
  readonly snooze?: SnoozeControl | null | undefined;
}

const NONE: readonly OpenDeal[] = [];
const NO_MARKS: ReadonlyMap<number, SnoozedDeal> = new Map();

/** Rows shown at first and added per "show more": enough to act on, cheap to render. */
export const PAGE_SIZE = 50;

/**
 * The deals behind one stage: the stuck ones first (furthest past the threshold on top), or all
 * open deals at it, each linking to its card, and a way to the same deals in amoCRM's own list.
 */
export function Drilldown({
  deals,
  stage,
  names,
  pipelineId,
  managerIds,
  slice,
  onBack,
  snoozed,
  snooze = null,
}: Props): VNode {
  const env = useEnv();
  const { t, fmt } = env;
  const inList = listPart(slice);
  const idPrefix = useId();
  const back = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLUListElement>(null);
  /** Index of the first row a "show more" added: focus goes there, not to the vanished button. */
  const firstAdded = useRef<number | null>(null);
  const all = deals ?? NONE;
  const marks = useMemo(
    () => (snoozed ? new Map(snoozed.map(d => [d.leadId, d])) : NO_MARKS),
    [snoozed],
  );
  // F.6: a snoozed deal is not stuck until its date; it has its own tab.
  const stuck = useMemo(
    // On the working clock (F.1a) the deals carry their working threshold and are judged by it.
    () => all.filter(d => isDealStuck(d) && !marks.has(d.leadId)),
    [all, marks],
  );
  // The stage's stuck count is in the report already: the tab is right before the deals arrive.
  const [tab, setTab] = useState<DrillTab>(stage.stuck > 0 ? 'stuck' : 'all');
  const [limit, setLimit] = useState(PAGE_SIZE);
  /** Only the deals nobody works (metrics.md extensions, "Unattended"), in either tab. */
  const [idleOnly, setIdleOnly] = useState(false);
  const tabRows = tab === 'stuck' ? stuck : tab === 'snoozed' ? (snoozed ?? NONE) : all;
  const idle = useMemo(() => tabRows.filter(d => d.unattended === true), [tabRows]);
  // Task data the cache does not hold yet (an older sync) is unknown: no filter to offer then.
  const knowsTasks = all.some(d => d.unattended !== null);
  const rows = idleOnly && knowsTasks ? idle : tabRows;
  const shown = rows.slice(0, limit);

  useLayoutEffect(() => {
    back.current?.focus();
  }, []);
  useLayoutEffect(() => {
    if (firstAdded.current === null) return;
    list.current?.querySelectorAll<HTMLElement>('.fl-deal__name')[firstAdded.current]?.focus();
    firstAdded.current = null;
  }, [limit]);

  const switchTab = (next: DrillTab) => {
    setTab(next);
    setLimit(PAGE_SIZE);
  };

  return (
    <DrillFrame title={stage.name} idPrefix={idPrefix} back={back} onBack={onBack}>
      <DrillTabs
        tab={tab}
        counts={{
          ...(deals ? { stuck: stuck.length, all: all.length } : { stuck: stage.stuck, all: null }),
          ...(snoozed ? { snoozed: snoozed.length } : {}),
        }}
        onChange={switchTab}
        idPrefix={idPrefix}
      />
      {knowsTasks && (
        <label class="fl-drill__idle">
          <input
            type="checkbox"
            checked={idleOnly}
            onChange={e => {
              setIdleOnly(e.currentTarget.checked);
              setLimit(PAGE_SIZE);
            }}
          />
          <span title={t('fl.metric.unattended')}>
            {t('fl.drill.idleOnly', { count: fmt.int(idle.length) })}
          </span>
        </label>
      )}
      <div
        class="fl-drill__panel"
        role="tabpanel"
        id={panelId(idPrefix)}
        aria-labelledby={tabId(idPrefix, tab)}
      >
        {deals === null ? (
          <p class="fl-drill__empty" role="status">
            {t('fl.drill.loading')}
          </p>
        ) : rows.length === 0 ? (
          <p class="fl-drill__empty">
            {idleOnly && knowsTasks && tabRows.length > 0
              ? t('fl.drill.emptyIdle')
              : tab === 'stuck'
                ? t('fl.drill.emptyStuck', {
                    days:
                      stage.stuckThresholdWorkingHours === undefined
                        ? fmt.days(stage.stuckThresholdHours)
                        : workingText(t, fmt, stage.stuckThresholdWorkingHours),
                  })
                : tab === 'snoozed'
                  ? t('fl.drill.emptySnoozed')
                  : t('fl.drill.emptyAll')}
          </p>
        ) : (
          <ul class="fl-deals" ref={list}>
            {shown.map(deal => (
              <DealRow
                key={deal.leadId}
                deal={deal}
                name={names.get(deal.leadId) ?? null}
                snooze={snooze}
                mark={marks.get(deal.leadId) ?? null}
              />
            ))}
          </ul>
        )}
        {rows.length > shown.length && (
          <div class="fl-drill__more">
            <span class="fl-muted">
              {t('fl.drill.shown', { shown: fmt.int(shown.length), total: fmt.int(rows.length) })}
            </span>
            <button
              type="button"
              onClick={() => {
                firstAdded.current = shown.length;
                setLimit(l => l + PAGE_SIZE);
              }}
            >
              {t('fl.drill.more', {
                count: fmt.int(Math.min(PAGE_SIZE, rows.length - shown.length)),
              })}
            </button>
          </div>
        )}
      </div>
      {/*
       * amoCRM's list cannot filter by time in stage, so it opens every deal at the stage: the
       * button says so, with the count of exactly what the list's filter holds (metrics.md,
       * extensions: stages[i].now, under the same manager filter and list fields as the URL).
       * Tags and other fields it cannot filter by: then the count is the panel's, and the button
       * says the list holds more.
       */}
      <button
        type="button"
        class="fl-drill__list"
        title={
          inList.wider
            ? `${t('fl.drill.allHint')} ${t('fl.drill.widerHint')}`
            : t('fl.drill.allHint')
        }
        onClick={() =>
          env.navigate(env.stageListUrl(pipelineId, [stage.id], managerIds, inList.fields))
        }
      >
        <Icon name="external" />
        <span class="fl-drill__list-text">
          <span>{t('fl.drill.openList')}</span>{' '}
          <span class="fl-drill__list-count">
            {inList.wider || inList.fields.length > 0
              ? t.plural(
                  inList.wider ? 'fl.drill.openListCountWider' : 'fl.drill.openListCountFiltered',
                  stage.now.count,
                  { count: fmt.int(stage.now.count) },
                )
              : t.plural(
                  managerIds ? 'fl.drill.openListCountManagers' : 'fl.drill.openListCount',
                  stage.now.count,
                  { count: fmt.int(stage.now.count) },
                )}
          </span>
        </span>
      </button>
    </DrillFrame>
  );
}
