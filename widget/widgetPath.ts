/**
 * The folder amoCRM serves the archive from: the one host value the first script needs before
 * the rest of the widget is fetched. It is checked by hand, not by a zod schema, because zod's
 * own evaluation (about 25 ms on a 2-core machine) would then run on the task amoCRM loads the
 * widget in; the rest of the host's data is parsed by amoGlobals.ts, in the chunk that needs it.
 */
export function widgetPath(self: { get_settings?: () => unknown }): string | undefined {
  try {
    const settings: unknown = self.get_settings?.();
    if (typeof settings !== 'object' || settings === null) return undefined;
    const path: unknown = (settings as { path?: unknown }).path;
    return typeof path === 'string' ? path : undefined;
  } catch {
    return undefined;
  }
}

/** amoCRM's onSave `params` when the widget is being turned off: always allowed. */
export function turnsOff(params: unknown): boolean {
  return (
    typeof params === 'object' && params !== null && (params as { active?: unknown }).active === 'N'
  );
}
