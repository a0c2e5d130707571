/**
 * The widget's script.js (webpack builds this file into one AMD module). In the CRM page its value
 * is the widget constructor. The same file also runs in the data service's Web Worker (see
 * browser.ts): there it serves the service from engine.js instead.
 *
 * Only this file and what it imports statically are in script.js. The rest is in chunks of their
 * own beside it: widget.js (the page's part), fetched as the widget is constructed, and engine.js
 * (the worker's part), which the worker imports before script.js (browser.ts). The browser
 * compiles a chunk off the main thread as it arrives; compiling it all inside script.js's AMD
 * factory held amoCRM's page for about 100 ms (issue #8).
 */
import type { WorkerScopeLike } from '../src/state';
import type { AmoSelf } from './amoGlobals';
import { deferredCallbacks } from './deferred';
import { widgetPath } from './widgetPath';

/** webpack's run-time public path: where lazily loaded chunks (report.js) are fetched from. */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- webpack reads the assignment
declare let __webpack_public_path__: string;

function workerScope(): WorkerScopeLike | null {
  const g = globalThis as { importScripts?: unknown; document?: unknown };
  return typeof g.importScripts === 'function' && g.document === undefined ? globalThis : null;
}

const scope = workerScope();
// engine.js is already installed (imported first), so this resolves in the microtasks right after
// this script, before the page's first message is delivered.
if (scope) void import(/* webpackChunkName: "engine" */ './serve').then(m => m.serve(scope));

/**
 * A constructor FUNCTION, not a class: amoCRM mixes its system methods (system(), get_settings(),
 * i18n(), render_template()) into the object it calls this on, and expects `this.callbacks`.
 */
export default function FunnelLensWidget(this: AmoSelf): AmoSelf {
  // amoCRM serves the archive from its own folder and says which: the chunks live there.
  const path = widgetPath(this);
  if (path !== undefined) __webpack_public_path__ = `${path.replace(/\/$/, '')}/`;
  // Fetched from now on (a script tag, not blocking), used once amoCRM calls a callback.
  const rest = import(/* webpackChunkName: "widget" */ './callbacks');
  // Refusals are reported when a callback first needs the rest, not as an unhandled rejection.
  rest.catch(() => undefined);
  this.callbacks = deferredCallbacks(this, () => rest.then(m => m.createCallbacks));
  return this;
}
