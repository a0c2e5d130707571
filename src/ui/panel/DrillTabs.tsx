import type { VNode } from 'preact';
import { useRef } from 'preact/hooks';
import { useEnv } from '../env';

export type DrillTab = 'stuck' | 'all' | 'snoozed';
const ALL_TABS: readonly DrillTab[] = ['stuck', 'all', 'snoozed'];
const LABELS = {
  stuck: 'fl.drill.tabStuck',
  all: 'fl.drill.tabAll',
  snoozed: 'fl.drill.tabSnoozed',
} as const;

export interface Props {
  readonly tab: DrillTab;
  /**
   * null while the stage's deals are being asked for. `snoozed` (metrics.md F.6) only where the
   * admin chose the snooze fields: a tab is shown for each count given.
   */
  readonly counts: Readonly<Record<'stuck' | 'all', number | null>> & {
    readonly snoozed?: number | null;
  };
  readonly onChange: (tab: DrillTab) => void;
  /** Ids: each tab's own and the panel they control. */
  readonly idPrefix: string;
}

export const tabId = (prefix: string, tab: DrillTab): string => `${prefix}-tab-${tab}`;
export const panelId = (prefix: string): string => `${prefix}-tabpanel`;

/** "Stuck (N)" / "All at stage (M)" / "Snoozed (K)" as an ARIA tab list: arrows, Home and End switch tabs. */
export function DrillTabs({ tab, counts, onChange, idPrefix }: Props): VNode {
  const { t, fmt } = useEnv();
  const countText = (n: number | null) => (n === null ? '…' : fmt.int(n));
  const list = useRef<HTMLDivElement>(null);
  const TABS = ALL_TABS.filter(name => counts[name] !== undefined);
  const select = (next: DrillTab) => {
    onChange(next);
    list.current?.querySelectorAll<HTMLButtonElement>('[role="tab"]')[TABS.indexOf(next)]?.focus();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const at = TABS.indexOf(tab);
    const next =
      e.key === 'ArrowRight'
        ? TABS[(at + 1) % TABS.length]
        : e.key === 'ArrowLeft'
          ? TABS[(at + TABS.length - 1) % TABS.length]
          : e.key === 'Home'
            ? TABS[0]
            : e.key === 'End'
              ? TABS[TABS.length - 1]
              : undefined;
    if (next === undefined) return;
    e.preventDefault();
    select(next);
  };
  return (
    <div
      class="fl-tabs"
      role="tablist"
      aria-label={t('fl.drill.tabs')}
      ref={list}
      onKeyDown={onKeyDown}
    >
      {TABS.map(name => (
        <button
          key={name}
          type="button"
          role="tab"
          id={tabId(idPrefix, name)}
          class="fl-tabs__tab"
          aria-selected={tab === name}
          aria-controls={panelId(idPrefix)}
          tabIndex={tab === name ? 0 : -1}
          // The snoozed count's definition (F.6), read on hover and, as the tab's description, on focus.
          title={name === 'snoozed' ? t('fl.metric.snoozed') : undefined}
          onClick={() => onChange(name)}
        >
          {t(LABELS[name], { count: countText(counts[name] ?? null) })}
        </button>
      ))}
    </div>
  );
}
