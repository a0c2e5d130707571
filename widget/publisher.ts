import type { SupportContacts } from '../src/ui';

/** The publisher's contacts, baked into the bundle at build time (webpack.config.js). */
declare const __FL_PUBLISHER__: SupportContacts | undefined;

/** Null outside a webpack build (Node tests load this file as it is). */
export function publisherContacts(): SupportContacts | null {
  return typeof __FL_PUBLISHER__ === 'undefined' ? null : __FL_PUBLISHER__;
}
