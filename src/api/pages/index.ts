/**
 * Hand-written readers for the two hot lists (leads and events): they check what the zod schemas
 * check and adapt to core types in the same pass. zod stays for every other (small) body.
 */
export { readEventList, readEventPage } from './events';
export type { EventList, EventPageRead } from './events';
export { readLeadList, readLeadPage } from './leads';
export type { LeadPage } from './leads';
export type { ReadWhere } from './shape';
