/**
 * The libraries amoCRM's page provides, loaded by plain <script> tags before the host bundle:
 * RequireJS, jQuery 2.1.3 and underscore 1.9.1 (the latter two register themselves as the named
 * AMD modules `jquery` and `underscore`) and twig.js 0.8.9 (`twigjs`, and the global `Twig`; the
 * host renders templates with it synchronously, so it cannot wait for RequireJS). The rest of the
 * documented list (backbone, moment, `text!`, `json!`) RequireJS loads on demand: lib/modules.ts.
 * Only the surface the host uses is typed here.
 */

export interface JQueryEventLike {
  readonly type: string;
  readonly target: EventTarget | null;
  preventDefault(): void;
}

export interface JQueryLike {
  readonly length: number;
  readonly [index: number]: HTMLElement | undefined;
  get(index: number): HTMLElement | undefined;
  on(events: string, handler: (event: JQueryEventLike, ...args: unknown[]) => unknown): JQueryLike;
  off(events?: string): JQueryLike;
  trigger(event: string, extra?: readonly unknown[]): JQueryLike;
  find(selector: string): JQueryLike;
  remove(): JQueryLike;
}

export interface JQueryStaticLike {
  (target: string | Element | Document | Window): JQueryLike;
  readonly fn: { readonly jquery: string };
}

export interface RequireErrorLike extends Error {
  readonly requireType?: string;
  readonly requireModules?: readonly string[];
}

export interface RequireJsLike {
  (
    deps: readonly string[],
    onLoad: (...modules: unknown[]) => void,
    onError?: (error: RequireErrorLike) => void,
  ): void;
  config(config: Readonly<Record<string, unknown>>): void;
  onError: (error: RequireErrorLike) => void;
}

export type DefineLike = (
  name: string,
  deps: readonly string[],
  factory: (...modules: unknown[]) => unknown,
) => void;

/** A compiled twig.js template. */
export interface TwigTemplateLike {
  render(params?: unknown): string;
}

/** The parameters of twig.js's `twig({...})` the host passes on. */
export interface TwigParams {
  readonly id?: string;
  readonly data?: string;
  readonly ref?: string;
  readonly href?: string;
  readonly async?: boolean;
  readonly allowInlineIncludes?: boolean;
  readonly load?: (template: TwigTemplateLike) => void;
  readonly error?: (error: unknown) => void;
}

/** twig.js's `twig` function: what the AMD module `twigjs` is on amoCRM's page. */
export type TwigFactory = (params: TwigParams) => TwigTemplateLike | null | undefined;

interface TwigGlobal {
  readonly exports?: { readonly twig?: TwigFactory };
}

interface VendorWindow {
  readonly Twig?: TwigGlobal;
  readonly jQuery?: JQueryStaticLike;
  readonly requirejs?: RequireJsLike;
  readonly define?: DefineLike;
}

function vendorWindow(): VendorWindow {
  return window as unknown as VendorWindow;
}

function required<T>(value: T | undefined, name: string): T {
  if (value === undefined) {
    throw new Error(`${name} is not loaded: the shell must include it before host.js`);
  }
  return value;
}

export function jquery(): JQueryStaticLike {
  return required(vendorWindow().jQuery, 'jQuery');
}

export function requirejs(): RequireJsLike {
  return required(vendorWindow().requirejs, 'RequireJS');
}

export function define(): DefineLike {
  return required(vendorWindow().define, 'RequireJS define');
}

export function twig(): TwigFactory {
  return required(vendorWindow().Twig?.exports?.twig, 'twig.js');
}
