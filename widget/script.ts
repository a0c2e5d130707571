/**
 * The widget's script.js (webpack builds this file into one AMD module). In the CRM page its value
 * is the widget constructor. The same file also runs as the data service's Web Worker (see
 * browser.ts): there it syncs, caches and computes instead, so the worker needs no second bundle.
 */
import { serveDataService } from '../src/state';
import type { WorkerScopeLike } from '../src/state';
import { servicePorts } from './workerPorts';
import { createCallbacks } from './callbacks';
import type { AmoSelf } from './amoGlobals';
import { widgetSettings } from './amoGlobals';

/** webpack's run-time public path: where lazily loaded chunks (report.js) are fetched from. */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- webpack reads the assignment
declare let __webpack_public_path__: string;

function workerScope(): WorkerScopeLike | null {
  const g = globalThis as { importScripts?: unknown; document?: unknown };
  return typeof g.importScripts === 'function' && g.document === undefined ? globalThis : null;
}

const scope = workerScope();
if (scope) serveDataService(scope, servicePorts);

/**
 * A constructor FUNCTION, not a class: amoCRM mixes its system methods (system(), get_settings(),
 * i18n(), render_template()) into the object it calls this on, and expects `this.callbacks`.
 */
export default function FunnelLensWidget(this: AmoSelf): AmoSelf {
  // amoCRM serves the archive from its own folder and says which: the report chunk lives there.
  const path = widgetSettings(this).path;
  if (path !== undefined) __webpack_public_path__ = `${path.replace(/\/$/, '')}/`;
  this.callbacks = createCallbacks(this);
  return this;
}
