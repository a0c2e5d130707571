/**
 * `self.render_template(...)`: the system's widget block in the card's right-hand column — a
 * caption with the widget's logo (the system draws it; `caption.class_name` / `caption.html` add
 * to it) and a body from `body` (ready HTML) or `render` (a template filled with `params`).
 * Only `{{ name }}` / `{{ a.b }}` substitutions are supported for `render` (escaped, as Twig
 * autoescapes); Twig tags are refused loudly rather than rendered wrong.
 */
import { escapeHtml, html, setHtml, trusted } from '../dom';
import type { WidgetEnv } from './env';

interface TemplateOptions {
  readonly caption?: { readonly class_name?: unknown; readonly html?: unknown };
  readonly body?: unknown;
  readonly render?: unknown;
}

function asOptions(value: unknown): TemplateOptions {
  if (typeof value !== 'object' || value === null) {
    throw new TypeError('render_template: expected an options object { caption, body | render }');
  }
  return value;
}

function valueAt(params: unknown, path: string): unknown {
  let current = params;
  for (const key of path.split('.')) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

export function fillTemplate(template: string, params: unknown): string {
  if (/\{%/.test(template)) {
    throw new Error(
      'render_template: Twig tags ({% %}) are not supported by the sandbox; pass ready HTML as `body`',
    );
  }
  return template.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_match, path: string) => {
    const value = valueAt(params, path);
    if (value === undefined || value === null) return '';
    const text =
      typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
        ? String(value)
        : JSON.stringify(value);
    return escapeHtml(text);
  });
}

export function renderTemplate(
  env: WidgetEnv,
  column: HTMLElement | null,
  rawOptions: unknown,
  params: unknown,
): void {
  const options = asOptions(rawOptions);
  if (column === null) {
    console.info(
      `[sandbox] ${env.code}: render_template outside a card does nothing (amoCRM shows the widgets column in lists only after "selected")`,
    );
    return;
  }
  const body =
    typeof options.body === 'string'
      ? options.body
      : typeof options.render === 'string'
        ? fillTemplate(options.render, params)
        : '';
  const className =
    typeof options.caption?.class_name === 'string' ? options.caption.class_name : '';
  const captionHtml = typeof options.caption?.html === 'string' ? options.caption.html : '';
  const logo = `${env.path}/images/logo_medium.png?v=${encodeURIComponent(env.version)}`;

  let block = column.querySelector<HTMLElement>(`.card-widgets__widget-${env.code}`);
  if (block === null) {
    block = document.createElement('div');
    block.className = `card-widgets__widget card-widgets__widget-${env.code}`;
    block.dataset.code = env.code;
    column.appendChild(block);
  }
  setHtml(
    block,
    html`<div class="card-widgets__widget__caption ${className}">
        <img class="card-widgets__widget__caption__logo" src="${logo}" alt="${env.code}" />
        ${trusted(captionHtml)}
      </div>
      <div class="card-widgets__widget__body">${trusted(body)}</div>`,
  );
}
