/** amoCRM's bottom-left notices: `APP.notifications.add_error` / `add_call`, and the host's own. */
import { html, setHtml } from './dom';
import type { ErrorNotice } from './app/globals';

const LIFETIME_MS = 8000;

export function showNotice(kind: 'error' | 'call' | 'info', notice: ErrorNotice | string): void {
  const holder = document.getElementById('notifications');
  if (holder === null) return;
  const { header, text } =
    typeof notice === 'string' ? { header: undefined, text: notice } : notice;
  const item = document.createElement('div');
  item.className = `notification notification-${kind}`;
  item.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  setHtml(
    item,
    html`${header === undefined ? '' : html`<div class="notification__header">${header}</div>`}
      <div class="notification__text">${text ?? ''}</div>
      <button type="button" class="notification__close" aria-label="close">×</button>`,
  );
  item.querySelector('.notification__close')?.addEventListener('click', () => item.remove());
  holder.appendChild(item);
  window.setTimeout(() => item.remove(), LIFETIME_MS);
}
