/**
 * `lib/components/base/modal`, amoCRM's modal window (reference §5.3). As on amoCRM, the body is
 * passed to `init($modal_body)` and stays behind a loader until the widget triggers
 * `modal:loaded` on it; `modal:centrify` re-centres it; the overlay, Escape and the
 * `.modal-body__close` button close it unless disabled; `destroy` returning false keeps it open.
 */
import { jquery, type JQueryLike } from './vendor';

export interface ModalOptions {
  class_name?: string;
  init?: (this: Modal, $modal_body: JQueryLike) => unknown;
  destroy?: (this: Modal) => unknown;
  container?: Element | string | JQueryLike;
  disable_overlay_click?: boolean;
  disable_escape_keydown?: boolean;
  disable_enter_keydown?: boolean;
  disable_cancel_click?: boolean;
  disable_resize?: boolean;
  init_animation?: boolean;
  centrify_animation?: boolean;
  default_overlay?: boolean;
  focus_element?: string;
  preload_templates?: unknown;
}

function containerOf(container: ModalOptions['container']): Element {
  if (container === undefined) return document.body;
  if (typeof container === 'string') return document.querySelector(container) ?? document.body;
  if (container instanceof Element) return container;
  return container.get(0) ?? document.body;
}

export class Modal {
  readonly $modal: JQueryLike;
  readonly $modal_body: JQueryLike;
  private readonly root: HTMLElement;
  private readonly body: HTMLElement;
  private closed = false;
  private readonly onKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && this.options.disable_escape_keydown !== true) this.destroy();
    if (event.key === 'Enter' && this.options.disable_enter_keydown === true)
      event.preventDefault();
  };

  constructor(private readonly options: ModalOptions = {}) {
    const $ = jquery();
    this.root = document.createElement('div');
    this.root.className = `modal modal--loading ${options.class_name ?? ''}`.trim();
    this.root.innerHTML =
      '<div class="modal-overlay"></div><div class="modal-scroller">' +
      '<div class="modal-body" role="dialog" aria-modal="true"></div>' +
      '<div class="modal-loader" aria-label="loading"></div></div>';
    const body = this.root.querySelector<HTMLElement>('.modal-body');
    if (body === null) throw new Error('Modal: markup without .modal-body');
    this.body = body;
    this.$modal = $(this.root);
    this.$modal_body = $(body);
    containerOf(options.container).appendChild(this.root);

    this.$modal_body.on('modal:loaded', () => {
      this.root.classList.remove('modal--loading');
      this.focus();
    });
    this.$modal_body.on('modal:centrify', () => this.centrify());
    this.$modal_body.on('modal:close', () => this.destroy());
    this.root.addEventListener('click', this.onClick);
    document.addEventListener('keydown', this.onKeydown);
    options.init?.call(this, this.$modal_body);
  }

  private readonly onClick = (event: MouseEvent): void => {
    const target = event.target instanceof Element ? event.target : null;
    if (target === null) return;
    const onOverlay =
      target.classList.contains('modal-overlay') || target.classList.contains('modal-scroller');
    if (onOverlay && this.options.disable_overlay_click !== true) this.destroy();
    const close = target.closest('.modal-body__close, .js-modal-close, .button-cancel');
    if (close !== null && this.body.contains(close) && this.options.disable_cancel_click !== true) {
      this.destroy();
    }
  };

  private focus(): void {
    const selector = this.options.focus_element;
    if (selector !== undefined) this.body.querySelector<HTMLElement>(selector)?.focus();
  }

  /** The scroller centres the body with flexbox; this only re-applies it after content changes. */
  private centrify(): void {
    this.body.style.marginTop = '';
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  destroy(): void {
    if (this.closed) return;
    if (this.options.destroy?.call(this) === false) return;
    this.closed = true;
    document.removeEventListener('keydown', this.onKeydown);
    this.$modal_body.off();
    this.$modal.remove();
  }
}

/** Registers the class under amoCRM's module id so widgets get it through `define([...])`. */
export function defineModalModule(
  define: (name: string, deps: readonly string[], factory: () => unknown) => void,
): void {
  define('lib/components/base/modal', [], () => Modal);
}
