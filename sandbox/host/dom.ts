/**
 * Markup helpers. Lead names in the demo are deliberately hostile (`<script>`, quotes), so every
 * interpolated value is escaped unless it is already `Html`.
 */

export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function part(value: unknown): string {
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(part).join('');
  if (value === null || value === undefined || value === false) return '';
  if (typeof value === 'string') return escapeHtml(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new TypeError(`html: cannot interpolate a ${typeof value}`);
}

/** Tagged template: `html\`<b>${name}</b>\`` with `name` escaped. */
export function html(strings: TemplateStringsArray, ...values: readonly unknown[]): Html {
  let out = strings[0] ?? '';
  values.forEach((value, index) => {
    out += part(value) + (strings[index + 1] ?? '');
  });
  return new Html(out);
}

/** Markup the host trusts (a widget's own HTML, the manifest description). */
export function trusted(markup: string): Html {
  return new Html(markup);
}

export function setHtml(node: Element, markup: Html): void {
  node.innerHTML = markup.value;
}

/** The element, or an error naming the selector (a missing container is a host bug). */
export function must(selector: string, root: ParentNode = document): HTMLElement {
  const found = root.querySelector<HTMLElement>(selector);
  if (found === null) throw new Error(`host page: no element ${selector}`);
  return found;
}

export function fragment(markup: Html): HTMLElement {
  const holder = document.createElement('div');
  holder.innerHTML = markup.value.trim();
  const first = holder.firstElementChild;
  if (!(first instanceof HTMLElement)) throw new Error('fragment: markup has no element');
  return first;
}
