import type { VNode } from 'preact';
import { useId, useMemo } from 'preact/hooks';
import type { Slice } from '../../core';
import type { Facets } from '../../state';
import { useEnv } from '../env';
import type { BannerError } from './ErrorBanner';
import { ErrorBanner } from './ErrorBanner';
import type { SliceNames } from './sliceChoices';
import { chipsOf, choiceGroups, isChosen, labeler, toggled } from './sliceChoices';
import { usePopup } from './usePopup';

/** The tag and field names: asked for when the filter first opens, not before. */
export type NamesState =
  | { readonly status: 'idle' }
  | { readonly status: 'loading' }
  | { readonly status: 'ok'; readonly names: SliceNames }
  | { readonly status: 'error'; readonly error: BannerError };

export interface Props {
  readonly value: Slice | null;
  readonly onChange: (slice: Slice | null) => void;
  /** What the pipeline's leads carry (the report view's facets); null until a report is in. */
  readonly facets: Facets | null;
  readonly names: NamesState;
  /** Reads the names: on the first opening, and again on a retry after a failure. */
  readonly onNeedNames: () => void;
  /** The admin's source field (settings), listed first; null = none chosen. */
  readonly sourceFieldId?: number | null | undefined;
}

/**
 * Tags (any of) and field values (metrics.md extensions, "Slices"): a button that opens a list of
 * checkboxes, one group per tag list and field, and the chosen conditions as one line of chips
 * that each take their condition away. Each tick applies at once, as the manager filter's do;
 * Escape, a click outside or tabbing away closes the list, Escape returns focus to the button.
 */
export function SliceFilter({
  value,
  onChange,
  facets,
  names,
  onNeedNames,
  sourceFieldId = null,
}: Props): VNode {
  const { t, fmt } = useEnv();
  const { open, setOpen, close, root, button } = usePopup(
    '.fl-slice__popup input, .fl-slice__popup button',
  );
  const popupId = useId();
  const known = names.status === 'ok' ? names.names : null;
  const label = useMemo(() => labeler(known, t), [known, t]);
  const groups = useMemo(
    () => (facets ? choiceGroups(facets, known, label, t, sourceFieldId) : []),
    [facets, known, label, t, sourceFieldId],
  );
  const chips = chipsOf(value, label, t);

  const flip = () => {
    if (!open && names.status === 'idle') onNeedNames();
    setOpen(o => !o);
  };
  const removeChip = (index: number) => {
    const chip = chips[index];
    if (!chip) return;
    onChange(toggled(value, chip.fieldId, chip.value));
    // The chip is gone: focus the next one, else the button.
    const next = root.current?.querySelectorAll<HTMLElement>('.fl-slice__chip');
    (next?.[index + 1] ?? next?.[index - 1] ?? button.current)?.focus();
  };

  return (
    <div
      class="fl-slice"
      ref={root}
      role="group"
      aria-label={t('fl.filter.region')}
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
      <button
        type="button"
        ref={button}
        class="fl-slice__button"
        aria-haspopup="true"
        aria-expanded={open}
        aria-controls={open ? popupId : undefined}
        disabled={facets === null}
        title={facets === null ? t('fl.filter.unavailable') : undefined}
        onClick={flip}
      >
        {chips.length > 0
          ? t('fl.filter.active', { count: fmt.int(chips.length) })
          : t('fl.filter.button')}
      </button>
      {chips.length > 0 && (
        <ul class="fl-slice__chips" aria-label={t('fl.filter.chips')}>
          {chips.map((chip, i) => (
            <li key={chip.key}>
              <button
                type="button"
                class="fl-slice__chip"
                aria-label={t('fl.filter.remove', { name: chip.label })}
                title={t('fl.filter.remove', { name: chip.label })}
                onClick={() => removeChip(i)}
              >
                <span aria-hidden="true">×</span> {chip.label}
              </button>
            </li>
          ))}
          <li>
            <button
              type="button"
              class="fl-slice__clear"
              onClick={() => {
                onChange(null);
                button.current?.focus();
              }}
            >
              {t('fl.filter.clear')}
            </button>
          </li>
        </ul>
      )}
      {open && (
        <div class="fl-slice__popup" id={popupId}>
          {names.status === 'loading' && (
            <p class="fl-slice__note" role="status">
              {t('fl.filter.namesLoading')}
            </p>
          )}
          {names.status === 'error' && (
            <>
              <ErrorBanner error={names.error} onRetry={onNeedNames} />
              <p class="fl-slice__note">{t('fl.filter.namesFailed')}</p>
            </>
          )}
          {groups.length === 0 && <p class="fl-slice__note">{t('fl.filter.empty')}</p>}
          {groups.map(group => (
            <fieldset class="fl-slice__group" key={group.fieldId ?? 'tags'}>
              <legend class="fl-slice__legend">{group.label}</legend>
              {group.choices.map(choice => (
                <label class="fl-check" key={String(choice.value)}>
                  <input
                    type="checkbox"
                    checked={isChosen(value, group.fieldId, choice.value)}
                    onChange={() => onChange(toggled(value, group.fieldId, choice.value))}
                  />
                  <span class="fl-slice__choice">{choice.label}</span>
                  <span class="fl-muted fl-num">{fmt.int(choice.count)}</span>
                </label>
              ))}
              {group.more > 0 && (
                <p class="fl-slice__note">
                  {t('fl.filter.moreValues', { count: fmt.int(group.more) })}
                </p>
              )}
            </fieldset>
          ))}
        </div>
      )}
    </div>
  );
}
