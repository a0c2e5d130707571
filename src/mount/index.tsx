/**
 * The composition root: each mount wires models, engine, styles and components for one place in
 * amoCRM, and returns the function that takes all of it away again (DOM, style element, timers,
 * syncs and their requests, the worker).
 */
import '@preact/signals';
import { effect, signal } from '@preact/signals-core';
import { render } from 'preact';
import { BASE_CSS, createStyle } from '../ui';
import { COMMON_CSS } from '../ui';
import { EnvContext } from '../ui';
import { Panel, PANEL_CSS } from '../ui';
import { CARD_CSS } from '../ui';
import { REPORT_CSS } from '../ui';
import { SETTINGS_CSS } from '../ui';
import type { Host } from './host';
import { createPipelineModels, createUiEnv } from './models';
import { CardRoot, ReportRoot } from './roots';
import { SettingsRoot } from './settingsRoot';

export type { Host } from './host';
export type Unmount = () => void;

function withStyle(
  host: Host,
  css: readonly string[],
  container: HTMLElement,
  draw: () => void,
  undo: () => void,
): Unmount {
  const style = host.doc.head.appendChild(createStyle(host.doc, [BASE_CSS, COMMON_CSS, ...css]));
  draw();
  let done = false;
  return () => {
    if (done) return;
    done = true;
    render(null, container);
    undo();
    style.remove();
  };
}

/** The Leads panel for one pipeline. `onCollapse` lets the host resize the column it docked. */
export function mountPanel(
  host: Host,
  container: HTMLElement,
  pipelineId: number,
  options: { onCollapse?: (collapsed: boolean) => void } = {},
): Unmount {
  const models = createPipelineModels(host, pipelineId);
  const key = `collapsed:${host.account.id}:${host.user.id}`;
  const collapsed = signal(host.storage.get(key) === '1');
  const stopPersist = effect(() => {
    host.storage.set(key, collapsed.value ? '1' : '0');
    options.onCollapse?.(collapsed.value);
  });
  const env = createUiEnv(host);
  function PanelRoot() {
    return (
      <Panel
        data={models.data}
        report={models.report}
        pipelineId={pipelineId}
        pipelineName={models.data.pipeline.value?.name ?? ''}
        collapsed={collapsed}
        userName={host.user.name}
      />
    );
  }
  return withStyle(
    host,
    [PANEL_CSS],
    container,
    () => {
      render(
        <EnvContext.Provider value={env}>
          <PanelRoot />
        </EnvContext.Provider>,
        container,
      );
    },
    () => {
      stopPersist();
      models.dispose();
    },
  );
}

/** The full report on the widget's advanced settings page. */
export function mountReport(host: Host, container: HTMLElement): Unmount {
  const env = createUiEnv(host);
  return withStyle(
    host,
    [REPORT_CSS],
    container,
    () => {
      render(
        <EnvContext.Provider value={env}>
          <ReportRoot host={host} />
        </EnvContext.Provider>,
        container,
      );
    },
    () => undefined,
  );
}

/** The lead card block: the deal's journey and its time in stage against the norm. */
export function mountCard(host: Host, container: HTMLElement, leadId: number): Unmount {
  const env = createUiEnv(host);
  return withStyle(
    host,
    [CARD_CSS],
    container,
    () => {
      render(
        <EnvContext.Provider value={env}>
          <CardRoot host={host} leadId={leadId} />
        </EnvContext.Provider>,
        container,
      );
    },
    () => undefined,
  );
}

export interface SettingsMount {
  /** Whether the form currently holds valid settings (onSave refuses otherwise). */
  isValid(): boolean;
  /** Shows why the last save was refused. */
  showRefusal(): void;
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
  const env = createUiEnv(host);
  const valid = signal(true);
  const refused = signal(false);
  container.classList.add('funnel-lens');
  const unmount = withStyle(
    host,
    [SETTINGS_CSS],
    container,
    () => {
      render(
        <EnvContext.Provider value={env}>
          <SettingsRoot host={host} input={input} valid={valid} refused={refused} />
        </EnvContext.Provider>,
        container,
      );
    },
    () => container.classList.remove('funnel-lens'),
  );
  return {
    isValid: () => valid.peek(),
    showRefusal: () => {
      refused.value = true;
    },
    unmount,
  };
}

export { createPipelineModels };
