/**
 * The callbacks amoCRM gets at once, before the rest of the widget is evaluated. Evaluating all
 * of it (Preact, the models, the API schemas) while amoCRM is still loading its page took one task
 * of about 100 ms; here it happens on a later task, and amoCRM's calls made meanwhile are
 * replayed in their order. Every callback still answers `true` at once, as amoCRM expects, but
 * `onSave`, which answers with a Promise until the rest is in (amoCRM waits for one).
 */
import { logFailure } from './debugLog';
import type { AmoSelf } from './amoGlobals';
import { turnsOff } from './widgetPath';

export type Callbacks = Record<string, unknown>;
type Loader = () => Promise<(self: AmoSelf) => Callbacks>;

const NAMES = [
  'render',
  'init',
  'bind_actions',
  'settings',
  'advancedSettings',
  'destroy',
] as const;

function call(callbacks: Callbacks, name: string, args: unknown[]): unknown {
  const fn = callbacks[name];
  return typeof fn === 'function' ? (fn as (...a: unknown[]) => unknown)(...args) : true;
}

export function deferredCallbacks(self: AmoSelf, load: Loader): Callbacks {
  let real: Callbacks | null = null;
  let loading: Promise<Callbacks> | null = null;
  const loaded = (): Promise<Callbacks> =>
    (loading ??= new Promise(resolve => globalThis.setTimeout(resolve, 0))
      .then(load)
      .then(create => (real = create(self))));

  const out: Callbacks = {};
  for (const name of NAMES) {
    out[name] = (...args: unknown[]): true => {
      if (real) call(real, name, args);
      else
        loaded().then(
          r => call(r, name, args),
          (error: unknown) => logFailure(name, error),
        );
      return true;
    };
  }
  // Turning the widget off is answered at once. Anything else is checked by the rest of the
  // widget (amoCRM waits for a Promise): the settings schema is not part of this first script.
  out.onSave = (params: unknown): unknown => {
    if (real) return call(real, 'onSave', [params]);
    if (turnsOff(params)) return true;
    return loaded().then(
      r => call(r, 'onSave', [params]) === true,
      (error: unknown) => {
        logFailure('onSave', error);
        return false;
      },
    );
  };
  return out;
}
