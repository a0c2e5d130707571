import type { VNode } from 'preact';
import { useId } from 'preact/hooks';
import type { Manager } from '../env';
import { useEnv } from '../env';
import { usePopup } from './usePopup';

export interface Props {
  /** The chosen managers' ids; null = all managers. */
  readonly value: readonly number[] | null;
  readonly onChange: (ids: readonly number[] | null) => void;
  /** Who can be chosen; the mount's managers when left out. */
  readonly managers?: readonly Manager[] | undefined;
}

/**
 * All managers, or some of them: a button that opens a list of checkboxes. Each tick applies at
 * once (the report recomputes off the main thread); Escape, a click outside or tabbing away
 * closes the list, and Escape returns focus to the button.
 */
export function ManagerFilter({ value, onChange, managers }: Props): VNode {
  const env = useEnv();
  const { t } = env;
  const list = managers ?? env.managers;
  const { open, setOpen, close, root, button } = usePopup('input');
  const popupId = useId();

  const toggle = (id: number) => {
    const chosen = value ?? [];
    const next = chosen.includes(id) ? chosen.filter(x => x !== id) : [...chosen, id];
    onChange(next.length > 0 ? next : null);
  };
  const label =
    value === null
      ? t('fl.common.managers.all')
      : value.length === 1 && value[0] !== undefined
        ? env.userName(value[0])
        : t.plural('fl.common.managers.count', value.length);

  return (
    <div
      class="fl-managers"
      ref={root}
      onKeyDown={e => {
        if (e.key === 'Escape' && open) {
          e.preventDefault();
          close();
        }
      }}
      onFocusOut={e => {
        const next = e.relatedTarget;
        if (open && next instanceof Node && !root.current?.contains(next)) setOpen(false);
      }}
    >
      <span class="fl-field__label">{t('fl.common.managers.label')}</span>
      <button
        type="button"
        ref={button}
        class="fl-managers__button"
        aria-haspopup="true"
        aria-expanded={open}
        aria-controls={open ? popupId : undefined}
        disabled={list.length === 0}
        title={list.length === 0 ? t('fl.common.managers.unavailable') : undefined}
        onClick={() => setOpen(o => !o)}
      >
        <span class="fl-managers__label">{label}</span>
      </button>
      {open && (
        <fieldset class="fl-managers__popup" id={popupId}>
          <legend class="fl-sr-only">{t('fl.common.managers.label')}</legend>
          <label class="fl-check">
            <input
              type="checkbox"
              checked={value === null}
              // Unticking "all" means nothing by itself: keep it ticked until a manager is chosen.
              onClick={e => value === null && e.preventDefault()}
              onChange={() => onChange(null)}
            />
            <span>{t('fl.common.managers.all')}</span>
          </label>
          {list.map(m => (
            <label class="fl-check" key={m.id}>
              <input
                type="checkbox"
                checked={value?.includes(m.id) ?? false}
                onChange={() => toggle(m.id)}
              />
              <span>{m.name}</span>
            </label>
          ))}
        </fieldset>
      )}
    </div>
  );
}
