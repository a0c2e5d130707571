/**
 * The widget's style.css, linked as amoCRM documents it (RU-script_js «Подключение файла
 * style.css»: a `<link>` to `settings.path + '/style.css?v=' + version` in the head): one link
 * for however many mounts use it, removed with the last of them (a destroyed widget leaves no
 * link behind).
 */
import type { StyleUse } from '../src/mount';

/** The stylesheet's address in the widget's folder, versioned so a new archive is fetched anew. */
export function styleSheetUrl(path: string, version: string): string {
  return `${path.replace(/\/$/, '')}/style.css?v=${encodeURIComponent(version)}`;
}

/** How long a mount waits, hidden, for a stylesheet that neither loads nor fails. */
export const STYLE_WAIT_MS = 3_000;

export function sharedStyleSheet(doc: Document, href: string | null): () => StyleUse {
  let link: HTMLLinkElement | null = null;
  let loaded: Promise<void> = Promise.resolve();
  let users = 0;
  let stall: ReturnType<typeof setTimeout> | undefined;
  return () => {
    // Without the widget's folder there is nothing to link: the mount shows unstyled, not hidden.
    if (href === null) return { loaded: Promise.resolve(), release: () => undefined };
    if (users === 0 || !link) {
      const el = doc.createElement('link');
      el.rel = 'stylesheet';
      el.href = href;
      el.setAttribute('data-funnel-lens', '');
      // A sheet that fails to load, or hangs, still ends the wait: the widget shows, if plainly.
      loaded = new Promise(resolve => {
        const done = () => {
          clearTimeout(stall);
          resolve();
        };
        stall = setTimeout(done, STYLE_WAIT_MS);
        el.addEventListener('load', done, { once: true });
        el.addEventListener('error', done, { once: true });
      });
      doc.head.appendChild(el);
      link = el;
    }
    users++;
    let released = false;
    return {
      loaded,
      release: () => {
        if (released) return;
        released = true;
        users--;
        if (users === 0) {
          clearTimeout(stall);
          link?.remove();
          link = null;
        }
      },
    };
  };
}
