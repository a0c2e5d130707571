import type { VNode } from 'preact';
import { useRef } from 'preact/hooks';
import { useEnv } from '../env';

export type DrillTab = 'stuck' | 'all';
const TABS: readonly DrillTab[] = ['stuck', 'all'];

export interface Props {
  readonly tab: DrillTab;
  /** null while the stage's deals are being asked for. */
  readonly counts: Readonly<Record<DrillTab, number | null>>;
  readonly onChange: (tab: DrillTab) => void;
  /** Ids: each tab's own and the panel they control. */
  readonly idPrefix: string;
}

export const tabId = (prefix: string, tab: DrillTab): string => `${prefix}-tab-${tab}`;
export const panelId = (prefix: string): string => `${prefix}-tabpanel`;

/** "Stuck (N)" / "All at stage (M)" as an ARIA tab list: arrows, Home and End switch tabs. */
export function DrillTabs({ tab, counts, onChange, idPrefix }: Props): VNode {
  const { t, fmt } = useEnv();
  const countText = (n: number | null) => (n === null ? '…' : fmt.int(n));
  const list = useRef<HTMLDivElement>(null);
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
          onClick={() => onChange(name)}
        >
          {t(name === 'stuck' ? 'fl.drill.tabStuck' : 'fl.drill.tabAll', {
            count: countText(counts[name]),
          })}
        </button>
      ))}
    </div>
  );
}
