import type { ComponentChildren, RefObject, VNode } from 'preact';
import { useEnv } from '../env';
import { Icon } from './Icon';

export interface FrameProps {
  readonly title: string;
  /** Prefix of the ids inside; the title is `${idPrefix}-title`. */
  readonly idPrefix: string;
  /** The way back, which takes focus when the stage row that was clicked is gone. */
  readonly back: RefObject<HTMLButtonElement | null>;
  readonly onBack: () => void;
  readonly busy?: boolean;
  readonly children: ComponentChildren;
}

/**
 * A stage's drill-down frame: its title, the way back, Escape to leave. Shared by the drill-down
 * and the line that stands in for it while its chunk loads, so both look and answer the same.
 */
export function DrillFrame({ title, idPrefix, back, onBack, busy, children }: FrameProps): VNode {
  const { t } = useEnv();
  return (
    <section
      class="fl-drill"
      aria-labelledby={`${idPrefix}-title`}
      aria-busy={busy}
      onKeyDown={e => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onBack();
        }
      }}
    >
      <div class="fl-drill__head">
        <button
          type="button"
          ref={back}
          class="fl-icon-button"
          aria-label={t('fl.drill.back')}
          title={t('fl.drill.back')}
          onClick={onBack}
        >
          <Icon name="back" />
        </button>
        <h3 class="fl-drill__title" id={`${idPrefix}-title`}>
          {title}
        </h3>
      </div>
      {children}
    </section>
  );
}
