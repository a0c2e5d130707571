/**
 * `self.render_template(options, params)`: the system's widget block in the card's right-hand
 * column — a caption with the widget's logo (the system draws it; `caption.class_name` /
 * `caption.html` add to it) and a body. As documented (reference §4): `render` is a Twig template
 * rendered with `params` by twig.js, `body` is ready HTML used when there is no `render`. The
 * documented example passes `body: ''` with the markup in `render`; widgets that pass the markup in
 * `body` with `render: ''` get the same block, because an empty `render` is no template.
 */
import { html, setHtml, trusted } from '../dom';
import type { TwigFactory } from '../vendor';
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

/** twig.js's own rendering of a template string (what `self.render({data})` does too). */
export function renderTwig(twig: TwigFactory, template: string, params: unknown): string {
  const compiled = twig({ data: template });
  if (compiled === null || compiled === undefined) {
    throw new Error('twig.js did not compile the template');
  }
  return compiled.render(params ?? {});
}

/** The block's body HTML for these options, as amoCRM builds it. */
export function templateBody(twig: TwigFactory, rawOptions: unknown, params: unknown): string {
  const options = asOptions(rawOptions);
  if (typeof options.render === 'string' && options.render !== '') {
    return renderTwig(twig, options.render, params);
  }
  return typeof options.body === 'string' ? options.body : '';
}

export function renderTemplate(
  env: Pick<WidgetEnv, 'code' | 'path' | 'version'>,
  column: HTMLElement | null,
  twig: TwigFactory,
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
  const body = templateBody(twig, options, params);
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
