/**
 * Where the Leads panel lives: a column fixed to the right edge of the page. amoCRM has no
 * persistent panel area in the leads list or kanban, so we make room ourselves by giving the
 * page's main wrapper (`#page_holder`) a right margin as wide as the column: the panel then sits
 * beside amoCRM's controls, never over them. Everything changed here is restored on removal.
 */
export interface Dock {
  readonly container: HTMLElement;
  setWidth(px: number): void;
  remove(): void;
}

export const DOCK_CLASS = 'fl-dock';

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
  // Start where the page content starts: a header above #page_holder (amoCRM's top bar with its
  // search and user menu) keeps its full width and stays uncovered.
  const top = holder === doc.body ? 0 : Math.max(0, holder.getBoundingClientRect().top);
  container.style.top = `${top}px`;
  const apply = (px: number) => {
    container.style.width = `${px}px`;
    holder.style.marginRight = `${px}px`;
  };
  apply(width);
  doc.body.appendChild(container);
  return {
    container,
    setWidth: apply,
    remove: () => {
      container.remove();
      holder.style.marginRight = previous;
    },
  };
}
