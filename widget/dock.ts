/**
 * Where the Leads panel lives: a column fixed to the right edge of the page. amoCRM has no
 * persistent panel area in the leads list or kanban, so we make room ourselves by giving the
 * page's main wrapper (`#page_holder`) a right margin as wide as the column: the panel then sits
 * beside amoCRM's controls, never over them. Everything changed here is restored on removal.
 *
 * The column starts below whatever stays fixed across the page's top: a header above
 * #page_holder, and amoCRM's own list/pipeline top (`.list__body-right__top`, fixed from the left
 * menu to the window's right edge, so no margin makes it narrower). Its search and actions keep
 * their full width and stay uncovered. See docs/host-contract.md.
 */
export interface Dock {
  readonly container: HTMLElement;
  setWidth(px: number): void;
  remove(): void;
}

export const DOCK_CLASS = 'fl-dock';

/** amoCRM's fixed page tops the column must start below (the list's and the pipeline's). */
const FIXED_TOPS = '.list__body-right__top';

function contentTop(doc: Document, holder: HTMLElement): number {
  let top = holder === doc.body ? 0 : Math.max(0, holder.getBoundingClientRect().top);
  const view = doc.defaultView;
  for (const bar of doc.querySelectorAll<HTMLElement>(FIXED_TOPS)) {
    const position = view?.getComputedStyle(bar).position;
    if (position !== 'fixed' && position !== 'sticky') continue;
    const rect = bar.getBoundingClientRect();
    if (rect.height > 0 && rect.top <= top + 1) top = Math.max(top, rect.bottom);
  }
  return Math.round(top);
}

export function createDock(doc: Document, width: number): Dock {
  const container = doc.createElement('div');
  container.className = `funnel-lens ${DOCK_CLASS}`;
  Object.assign(container.style, {
    position: 'fixed',
    right: '0',
    bottom: '0',
    zIndex: '90',
    display: 'flex',
  });
  const holder = doc.getElementById('page_holder') ?? doc.body;
  const previous = holder.style.marginRight;
  // The page's top may be drawn (or change height) after we are: measure again when it can have.
  const place = () => {
    container.style.top = `${contentTop(doc, holder)}px`;
  };
  const size = (px: number) => {
    container.style.width = `${px}px`;
    holder.style.marginRight = `${px}px`;
  };
  const apply = (px: number) => {
    size(px);
    place();
  };
  size(width);
  doc.body.appendChild(container);
  const view = doc.defaultView;
  view?.addEventListener('resize', place);
  // First placed in the next frame, before it is painted: measuring now would force a layout of
  // amoCRM's whole page inside the mount's task (20–40 ms here), and the frame lays it out anyway.
  const frame =
    typeof view?.requestAnimationFrame === 'function' ? view.requestAnimationFrame(place) : null;
  if (frame === null) place();
  return {
    container,
    setWidth: apply,
    remove: () => {
      if (frame !== null) view?.cancelAnimationFrame(frame);
      view?.removeEventListener('resize', place);
      container.remove();
      holder.style.marginRight = previous;
    },
  };
}
