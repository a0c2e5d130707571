import type { VNode } from 'preact';

/** Glyph paths on a 16×16 grid; drawn with the text colour so both themes work. */
const PATHS = {
  refresh: 'M13 8a5 5 0 1 1-1.46-3.54M13 2.5V5h-2.5',
  collapse: 'M6 3l5 5-5 5',
  expand: 'M10 3L5 8l5 5',
  back: 'M10 3L5 8l5 5',
  external: 'M9 3h4v4M13 3L7 9M11 9.5V13H3V5h3.5',
} as const;

export interface Props {
  readonly name: keyof typeof PATHS;
}

/** A decorative icon: the button around it carries the accessible name. */
export function Icon({ name }: Props): VNode {
  return (
    <svg
      class="fl-icon"
      viewBox="0 0 16 16"
      width="16"
      height="16"
      aria-hidden="true"
      focusable="false"
    >
      <path
        d={PATHS[name]}
        fill="none"
        stroke="currentColor"
        stroke-width="1.6"
        stroke-linecap="round"
        stroke-linejoin="round"
      />
    </svg>
  );
}
