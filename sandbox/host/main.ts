/**
 * The host page's entry (bundled by webpack.sandbox.config.js into dist/sandbox/host.js). RequireJS,
 * jQuery, underscore and twig.js are already on the page; this registers amoCRM's AMD modules, installs
 * the `APP`/`AMOCRM` globals, draws the frame and starts the router.
 */
import { installGlobals } from './app/globals';
import { HostController } from './controller';
import { must } from './dom';
import { renderFrame } from './frame';
import { addFolkloreMembers } from './lib/appFolklore';
import { registerHostModules } from './lib/modules';
import { showNotice } from './notifications';
import { bootSchema } from './protocol';
import { translator } from './strings';
import { EMPTY_SELECTION } from './views/view';
import { WidgetEnv } from './widget/env';
import { WidgetRuntime } from './widget/runtime';

function toggleOverlay(visible: boolean): void {
  let overlay = document.querySelector('.widgets-overlay');
  if (visible && overlay === null) {
    overlay = document.createElement('div');
    overlay.className = 'widgets-overlay';
    document.body.appendChild(overlay);
  }
  if (!visible) overlay?.remove();
}

function start(): void {
  const boot = bootSchema.parse(JSON.parse(must('#sandbox-boot').textContent));
  const t = translator(boot.lang);

  registerHostModules();

  let controller: HostController | null = null;
  const app = installGlobals(boot, {
    navigate: (url, options) => controller?.navigate(url, options),
    notify: showNotice,
  });
  const env = boot.widget.ok ? new WidgetEnv(boot, boot.widget) : null;
  if (!boot.widget.ok) console.warn(`[sandbox] no widget: ${boot.widget.error}`);
  const runtime = new WidgetRuntime({
    env,
    boot,
    listSelected: () => controller?.current?.listSelected?.() ?? EMPTY_SELECTION,
    cardColumn: () => controller?.current?.cardColumn?.() ?? null,
    toggleOverlay,
    notifyError: text => showNotice('error', text),
  });
  addFolkloreMembers(app.raw, { boot, systemArea: () => runtime.systemArea() });
  const frame = renderFrame(must('#sandbox-root'), boot, t, env);
  controller = new HostController(boot, app, frame, { boot, t, env, runtime });
  if (!boot.widget.ok) showNotice('error', { header: t('widgetMissing'), text: boot.widget.error });
  controller.start();
}

// The shell loads this script last in <body>, so the DOM is complete.
start();
