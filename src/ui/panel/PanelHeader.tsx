import type { VNode } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { useEnv } from '../env';
import { Icon } from './Icon';

export interface Props {
  readonly pipelineName: string;
  /** The element the collapse button hides. */
  readonly bodyId: string;
  readonly syncing: boolean;
  readonly onRefresh: () => void;
  readonly onCollapse: () => void;
  /** Focus the collapse button on mount: the user just expanded the panel with the keyboard. */
  readonly focusToggle: boolean;
}

export function PanelHeader(props: Props): VNode {
  const { t } = useEnv();
  const toggle = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => {
    // Only on mount: the header mounts once per expand.
    if (props.focusToggle) toggle.current?.focus();
  }, []);
  return (
    <header class="fl-head">
      <h2 class="fl-head__title">
        {/* The host learns the pipeline's name from the data: until then, just our name. */}
        {props.pipelineName
          ? t('fl.panel.title', { pipeline: props.pipelineName })
          : t('fl.panel.brand')}
      </h2>
      <button
        type="button"
        class="fl-icon-button"
        aria-label={t('fl.panel.refresh')}
        title={t('fl.panel.refresh')}
        // Not `disabled`: a disabled button drops the focus that just pressed it to <body>
        // (WCAG 2.4.3). It stays focusable and says it is busy; a press meanwhile does nothing.
        aria-disabled={props.syncing ? 'true' : undefined}
        onClick={() => {
          if (!props.syncing) props.onRefresh();
        }}
      >
        <Icon name="refresh" />
      </button>
      <button
        type="button"
        ref={toggle}
        class="fl-icon-button"
        aria-label={t('fl.panel.collapse')}
        title={t('fl.panel.collapse')}
        aria-expanded="true"
        aria-controls={props.bodyId}
        onClick={props.onCollapse}
      >
        <Icon name="collapse" />
      </button>
    </header>
  );
}
