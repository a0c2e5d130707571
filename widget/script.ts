/**
 * The widget's script.js (webpack builds this file into one AMD module). In the CRM page its value
 * is the widget constructor. The same file also runs as the engine's Web Worker (see browser.ts):
 * there it answers engine requests instead, so the worker needs no second bundle.
 */
import { serveEngine } from '../src/state';
import type { WorkerScopeLike } from '../src/state';
import { createCallbacks } from './callbacks';
import type { AmoSelf } from './amoGlobals';

function workerScope(): WorkerScopeLike | null {
  const g = globalThis as { importScripts?: unknown; document?: unknown };
  return typeof g.importScripts === 'function' && g.document === undefined ? globalThis : null;
}

const scope = workerScope();
if (scope) serveEngine(scope);

/**
 * A constructor FUNCTION, not a class: amoCRM mixes its system methods (system(), get_settings(),
 * i18n(), render_template()) into the object it calls this on, and expects `this.callbacks`.
 */
export default function FunnelLensWidget(this: AmoSelf): AmoSelf {
  this.callbacks = createCallbacks(this);
  return this;
}
