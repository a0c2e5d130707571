/**
 * The libraries amoCRM's page provides, loaded by plain <script> tags before the host bundle:
 * RequireJS, jQuery 2.1.3 and underscore 1.9.1 (the latter two register themselves as the named
 * AMD modules `jquery` and `underscore`). Only the surface the host uses is typed here.
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

interface VendorWindow {
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
