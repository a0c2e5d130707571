import type { LeadLifecycle } from '../../api';
import type { Lead, StatusChange } from '../../core';

/** Where loaded pages go (the worker's history store; a folder of bodies in the CLI). */
export interface LoadSink {
  leads(list: readonly Lead[]): void;
  changes(list: readonly StatusChange[], lifecycle: readonly LeadLifecycle[]): void;
}
