import { parseSettings } from '../src/state/settings';
import { logFailure } from './debugLog';

/** The settings form, when one is mounted. */
export interface SaveForm {
  isValid(): boolean;
  showRefusal(): void;
}

/**
 * amoCRM's onSave answer: turning the widget off is always allowed; otherwise the form must be
 * valid (a field being typed may not have reached amoCRM's input yet) and what amoCRM is about
 * to store must parse.
 */
export function acceptsSave(params: unknown, form: SaveForm | null): boolean {
  try {
    const p = (params ?? {}) as { active?: unknown; fields?: Record<string, unknown> };
    if (p.active === 'N') return true;
    const ok = (form?.isValid() ?? true) && parseSettings(p.fields?.config).ok;
    if (!ok) form?.showRefusal();
    return ok;
  } catch (error) {
    // amoCRM must never see an exception; an answer it cannot check is a refusal.
    logFailure('onSave', error);
    return false;
  }
}
