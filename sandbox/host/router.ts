/**
 * The page router: amoCRM URLs → views, history.pushState navigation without reloads, and
 * interception of same-site links inside the shell (Backbone-router style, as amoCRM's own).
 */

export type Route =
  | { readonly kind: 'list'; readonly pipelineId: number | null; readonly search: string }
  | { readonly kind: 'kanban'; readonly pipelineId: number | null }
  | { readonly kind: 'card'; readonly leadId: number }
  | { readonly kind: 'integrations' }
  | { readonly kind: 'advanced'; readonly code: string }
  | { readonly kind: 'notFound' };

const ROUTES: readonly [RegExp, (match: RegExpExecArray, search: string) => Route][] = [
  [
    /^\/leads\/list\/pipeline\/(\d+)\/?$/,
    (m, search) => ({ kind: 'list', pipelineId: Number(m[1]), search }),
  ],
  [/^\/leads\/list\/?$/, (_m, search) => ({ kind: 'list', pipelineId: null, search })],
  [/^\/leads\/pipeline\/(\d+)\/?$/, m => ({ kind: 'kanban', pipelineId: Number(m[1]) })],
  [/^\/leads\/pipeline\/?$/, () => ({ kind: 'kanban', pipelineId: null })],
  [/^\/leads\/detail\/(\d+)\/?$/, m => ({ kind: 'card', leadId: Number(m[1]) })],
  [/^\/settings\/widgets\/?$/, () => ({ kind: 'integrations' })],
  [/^\/settings\/widgets\/([A-Za-z0-9_]+)\/?$/, m => ({ kind: 'advanced', code: m[1] ?? '' })],
];

export function parseRoute(pathname: string, search: string): Route {
  for (const [pattern, build] of ROUTES) {
    const match = pattern.exec(pathname);
    if (match !== null) return build(match, search);
  }
  return { kind: 'notFound' };
}

/**
 * A URL as widget code passes it to `router.navigate` (Backbone fragments come without the
 * leading slash) → a same-origin path with query, or null for another origin.
 */
export function toInternalUrl(url: string): string | null {
  const base = window.location.origin;
  const absolute = /^[a-z][a-z0-9+.-]*:|^\/\//i.test(url);
  const target = new URL(absolute || url.startsWith('/') ? url : `/${url}`, base);
  if (target.origin !== base) return null;
  return `${target.pathname}${target.search}${target.hash}`;
}

function isRouted(pathname: string): boolean {
  return pathname.startsWith('/leads') || pathname.startsWith('/settings');
}

/** Same-site links to routed pages become pushState navigations; everything else loads normally. */
export function interceptLinks(navigate: (url: string) => void): void {
  document.addEventListener('click', event => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (!(anchor instanceof HTMLAnchorElement)) return;
    if (anchor.hasAttribute('download') || anchor.dataset.reload !== undefined) return;
    if (anchor.target !== '' && anchor.target !== '_self') return;
    const url = new URL(anchor.href);
    if (url.origin !== window.location.origin || !isRouted(url.pathname)) return;
    event.preventDefault();
    navigate(`${url.pathname}${url.search}${url.hash}`);
  });
}
