/**
 * `self.render(data, params)`, amoCRM's wrapper around twig.js (reference §4):
 * - `{data: '<template>'}` → the HTML, synchronously;
 * - `{href: '/templates/x.twig', base_path, v, load}` → loads `<base_path><href>?v=<v>` (the
 *   widget's own file) and calls `load(template)` with the compiled template;
 * - the same with `promised: true` → a Promise of the compiled template;
 * - `{ref: '/tmpl/controls/<name>.twig'}` → one of amoCRM's own control templates. Their markup is
 *   amoCRM's and unpublished, so the sandbox refuses loudly instead of drawing something else.
 */
import type { TwigFactory, TwigTemplateLike } from '../vendor';
import { renderTwig } from './template';

interface RenderData {
  readonly data?: unknown;
  readonly ref?: unknown;
  readonly href?: unknown;
  readonly base_path?: unknown;
  readonly v?: unknown;
  readonly load?: unknown;
  readonly promised?: unknown;
}

export type RenderResult = string | Promise<TwigTemplateLike> | undefined;

function asRenderData(value: unknown): RenderData {
  if (typeof value !== 'object' || value === null) {
    throw new TypeError('render: expected { data } | { href, base_path, v, load } | { ref }');
  }
  return value;
}

function templateUrl(data: RenderData, href: string): string {
  const base = typeof data.base_path === 'string' ? data.base_path : '';
  const version =
    typeof data.v === 'string' || typeof data.v === 'number' ? String(data.v) : undefined;
  const url = base + href;
  if (version === undefined) return url;
  return `${url}${url.includes('?') ? '&' : '?'}v=${encodeURIComponent(version)}`;
}

function loadTemplate(twig: TwigFactory, url: string): Promise<TwigTemplateLike> {
  return new Promise((resolve, reject) => {
    // The URL doubles as twig.js's template id: a second load of the same file reuses it.
    twig({
      href: url,
      async: true,
      load: resolve,
      error: (error: unknown) =>
        reject(error instanceof Error ? error : new Error(`render: ${url} did not load`)),
    });
  });
}

export function widgetRender(twig: TwigFactory, rawData: unknown, params: unknown): RenderResult {
  const data = asRenderData(rawData);
  if (typeof data.data === 'string') return renderTwig(twig, data.data, params);
  if (typeof data.href === 'string') {
    const loading = loadTemplate(twig, templateUrl(data, data.href));
    if (data.promised === true) return loading;
    const load = data.load;
    void loading.then(
      template => {
        if (typeof load === 'function') (load as (template: TwigTemplateLike) => unknown)(template);
      },
      (error: unknown) => console.error('[sandbox] self.render: template did not load', error),
    );
    return undefined;
  }
  if (typeof data.ref === 'string') {
    throw new Error(
      `render: amoCRM's system template ${data.ref} is not reproduced by the sandbox (its markup is unpublished)`,
    );
  }
  throw new TypeError('render: expected { data } | { href, base_path, v, load } | { ref }');
}
