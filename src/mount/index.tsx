/**
 * The composition root: each mount wires models, engine, styles and components for one place in
 * amoCRM, and returns the function that takes all of it away again (DOM, style element, timers,
 * syncs and their requests, the worker).
 */
import '@preact/signals';
import { effect, signal } from '@preact/signals-core';
import type { VNode } from 'preact';
import { render } from 'preact';
import { PipelineModel } from '../state';
import { EnvContext, Panel } from '../ui';
import { CardRoot } from './cardRoot';
import { FullReportRoot } from './fullReportRoot';
import type { Host } from './host';
import { createUiEnv, pipelineDeps } from './host';
import { SettingsRoot } from './settingsRoot';
import { snoozeControlOf } from './snoozeControl';
import { useSliceNames } from './useSliceNames';

export type { Host, PageApi, StyleUse } from './host';
export type Unmount = () => void;

/**
 * Renders `tree` into `container` with the mount's environment and the widget's stylesheet; the
 * returned unmount (idempotent) removes the tree, gives the stylesheet back and runs `undo`. The
 * container stays hidden until the stylesheet applies, so a first visit never flashes the panel
 * unstyled; the numbers are computed meanwhile.
 */
function mountTree(
  host: Host,
  container: HTMLElement,
  tree: VNode,
  undo: () => void = () => undefined,
): Unmount {
  const styles = host.addStyles();
  const visibility = container.style.getPropertyValue('visibility');
  container.style.setProperty('visibility', 'hidden');
  let done = false;
  const reveal = () => {
    if (visibility) container.style.setProperty('visibility', visibility);
    else container.style.removeProperty('visibility');
  };
  void styles.loaded.then(() => {
    if (!done) reveal();
  });
  render(<EnvContext.Provider value={createUiEnv(host)}>{tree}</EnvContext.Provider>, container);
  return () => {
    if (done) return;
    done = true;
    render(null, container);
    reveal();
    undo();
    styles.release();
  };
}

/** The Leads panel for one pipeline. `onCollapse` lets the host resize the column it docked. */
export function mountPanel(
  host: Host,
  container: HTMLElement,
  pipelineId: number,
  options: { onCollapse?: (collapsed: boolean) => void } = {},
): Unmount {
  const period = { kind: host.settings.defaultPeriod };
  const model = new PipelineModel(pipelineDeps(host, pipelineId, period), {
    period,
    deals: 'byStage',
  });
  const key = `collapsed:${host.account.id}:${host.user.id}`;
  const collapsed = signal(host.storage.get(key) === '1');
  const stopPersist = effect(() => {
    host.storage.set(key, collapsed.value ? '1' : '0');
    options.onCollapse?.(collapsed.value);
  });
  // After a write amoCRM took, one incremental refresh brings the lead's new values in.
  const snooze = snoozeControlOf(host, () => model.data.refresh());
  function PanelRoot() {
    const sliceNames = useSliceNames(host);
    return (
      <Panel
        data={model.data}
        report={model.report}
        pipelineId={pipelineId}
        pipelineName={
          model.data.pipeline.value?.name ?? model.report.report.value?.pipeline.name ?? ''
        }
        collapsed={collapsed}
        userName={host.user.name}
        sliceNames={sliceNames}
        snooze={snooze}
      />
    );
  }
  return mountTree(host, container, <PanelRoot />, () => {
    stopPersist();
    model[Symbol.dispose]();
  });
}

/** The full report on the widget's advanced settings page. */
export function mountReport(host: Host, container: HTMLElement): Unmount {
  return mountTree(host, container, <FullReportRoot host={host} />);
}

/** The lead card block: the deal's journey and its time in stage against the norm. */
export function mountCard(host: Host, container: HTMLElement, leadId: number): Unmount {
  return mountTree(host, container, <CardRoot host={host} leadId={leadId} />);
}

export interface SettingsMount {
  /** Whether the form currently holds valid settings (onSave refuses otherwise). */
  isValid(): boolean;
  /** Shows why the last save was refused. */
  showRefusal(): void;
  /** Confirms that amoCRM was let save the settings. */
  showSaved(): void;
  unmount: Unmount;
}

/**
 * The settings form inside amoCRM's settings modal. amoCRM saves the hidden `custom` input, so
 * every valid change is written there as JSON (and announced with a `change` event).
 */
export function mountSettings(
  host: Host,
  container: HTMLElement,
  input: HTMLInputElement,
): SettingsMount {
  const valid = signal(true);
  const refused = signal(false);
  const refusals = signal(0);
  const saved = signal(false);
  container.classList.add('funnel-lens');
  const unmount = mountTree(
    host,
    container,
    <SettingsRoot
      host={host}
      input={input}
      valid={valid}
      refused={refused}
      refusals={refusals}
      saved={saved}
    />,
    () => container.classList.remove('funnel-lens'),
  );
  return {
    isValid: () => valid.peek(),
    showRefusal: () => {
      saved.value = false;
      refused.value = true;
      refusals.value += 1;
    },
    showSaved: () => {
      saved.value = true;
    },
    unmount,
  };
}
