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

export function sharedStyleSheet(doc: Document, href: string | null): () => StyleUse {
  let link: HTMLLinkElement | null = null;
  let loaded: Promise<void> = Promise.resolve();
  let users = 0;
  return () => {
    // Without the widget's folder there is nothing to link: the mount shows unstyled, not hidden.
    if (href === null) return { loaded: Promise.resolve(), release: () => undefined };
    if (users === 0 || !link) {
      const el = doc.createElement('link');
      el.rel = 'stylesheet';
      el.href = href;
      el.setAttribute('data-funnel-lens', '');
      // A sheet that fails to load still ends the wait: the widget shows, if plainly.
      loaded = new Promise(resolve => {
        el.addEventListener('load', () => resolve(), { once: true });
        el.addEventListener('error', () => resolve(), { once: true });
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
          link?.remove();
          link = null;
        }
      },
    };
  };
}
