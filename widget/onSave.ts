import { parseSettings } from '../src/state/settings';
import { logFailure } from './debugLog';
import { turnsOff } from './widgetPath';

/** The settings form, when one is mounted. */
export interface SaveForm {
  isValid(): boolean;
  showRefusal(): void;
  /** Optional: a form mounted by an older bundle may not have it. */
  showSaved?(): void;
}

/**
 * amoCRM's onSave answer: turning the widget off is always allowed; otherwise the form must be
 * valid (a field being typed may not have reached amoCRM's input yet) and what amoCRM is about
 * to store must parse.
 */
export function acceptsSave(params: unknown, form: SaveForm | null): boolean {
  try {
    if (turnsOff(params)) return true;
    const p = (params ?? {}) as { fields?: Record<string, unknown> };
    const ok = (form?.isValid() ?? true) && parseSettings(p.fields?.config).ok;
    if (ok) form?.showSaved?.();
    else form?.showRefusal();
    return ok;
  } catch (error) {
    // amoCRM must never see an exception; an answer it cannot check is a refusal.
    logFailure('onSave', error);
    return false;
  }
}
