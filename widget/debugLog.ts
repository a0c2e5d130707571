/**
 * Where the adapter reports its own failures. amoCRM's moderation allows console.debug and asks
 * for no other console output, so errors go to console.debug with a recognisable prefix.
 */
export function logFailure(where: string, error: unknown): void {
  // eslint-disable-next-line no-console -- the one sanctioned log in the widget (see above)
  console.debug(`[funnel-lens] ${where}:`, error);
}
