import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { FieldFilter } from '../core';
import type { Translate } from '../i18n';
import type { Formatters } from './format';

export interface Manager {
  readonly id: number;
  readonly name: string;
}

/**
 * What every component gets from where it is mounted: words, number formats, who the managers
 * are, and how to reach amoCRM's own pages. Provided once per mount.
 */
/** Where the widget's publisher answers users (set at build time; see docs/marketplace.md). */
export interface SupportContacts {
  readonly supportLink: string;
  readonly supportEmail: string;
  readonly privacyLink: string;
}

export interface UiEnv {
  readonly t: Translate;
  readonly fmt: Formatters;
  /**
   * The account's time zone (IANA): the zone periods are resolved in and dates are shown in, so a
   * custom range in the picker means the same days as the report computing it.
   */
  readonly timeZone: string;
  /** Managers to filter by, as the host knows them (users list or APP.constant('managers')). */
  readonly managers: readonly Manager[];
  /** A user's display name, a neutral label for an unknown id, or "no responsible user" for null. */
  userName(id: number | null): string;
  /** amoCRM's lead card URL. */
  leadUrl(leadId: number): string;
  /**
   * amoCRM's leads list filtered to the given stages of a pipeline (and managers, and list
   * fields' enum values, if given).
   */
  stageListUrl(
    pipelineId: number,
    stageIds: readonly number[],
    userIds?: readonly number[] | null,
    fields?: readonly FieldFilter[],
  ): string;
  /** Goes to an amoCRM page without reloading when the host allows it. */
  navigate(url: string): void;
  /** Milliseconds since the epoch (injected so tests control time). */
  clock(): number;
  /** Named by messages that ask the user to act; null where the build has none (tests). */
  readonly support: SupportContacts | null;
}

export const EnvContext = createContext<UiEnv | null>(null);

export function useEnv(): UiEnv {
  const env = useContext(EnvContext);
  if (!env) throw new Error('UiEnv is provided by the mount function');
  return env;
}

/**
 * amoCRM's own filter URL for a pipeline's leads list (one or more stages), narrowed to the
 * responsible users when the panel is filtered by managers and to list fields' values when it is
 * sliced by them (`filter[cf][<field>][]=<enum id>`), so the list holds the deals counted.
 * Only enum ids can go there: other values (a checkbox, a text) are left out, and the caller says
 * the list is wider.
 */
export function buildStageListUrl(
  pipelineId: number,
  stageIds: readonly number[],
  userIds?: readonly number[] | null,
  fields: readonly FieldFilter[] = [],
): string {
  const params = new URLSearchParams();
  for (const id of stageIds) params.append(`filter[pipe][${pipelineId}][]`, String(id));
  for (const id of userIds ?? []) params.append('filter[main_user][]', String(id));
  for (const field of fields)
    for (const value of field.values)
      if (typeof value === 'number') params.append(`filter[cf][${field.fieldId}][]`, String(value));
  params.set('useFilter', 'y');
  return `/leads/list/pipeline/${pipelineId}/?${params.toString()}`;
}
