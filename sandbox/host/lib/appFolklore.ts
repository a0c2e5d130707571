/**
 * Members of `APP` that amoCRM does not document but its own published widgets read (reference
 * §5.2), added because a widget depending on them runs in amoCRM and must run here:
 * - `APP.widgets.system` — `{area, amouser_id, amouser, amohash, subdomain}`, the same data as
 *   `self.system()`, for the area a widget object was last built in (the T-sik / T-cheb typings;
 *   Kommo's birthday widget branches on `APP.widgets.system.area`);
 * - `APP.system.format.date` — the account's date formats as moment.js patterns (`date`,
 *   `date_short`, `full`, `time`; Kommo's birthday widget formats and parses dates with them),
 *   derived from the account's documented `datetime_settings` (`d.m.Y`, `d.m.Y H:i`).
 * Funnel Lens reads none of these; they exist only so foreign widgets meet the page they expect.
 */
import type { HostBoot } from '../protocol';

export interface FolkloreDeps {
  readonly boot: HostBoot;
  /** The area code of the widget object built last (`lcard`, `settings`, …), '' before any. */
  readonly systemArea: () => string;
}

export function addFolkloreMembers(raw: Record<string, unknown>, deps: FolkloreDeps): void {
  const { boot } = deps;
  const system = {
    get area(): string {
      return deps.systemArea();
    },
    amouser_id: boot.user.id,
    amouser: boot.user.email,
    amohash: `sandbox-${boot.user.id}`,
    subdomain: boot.account.subdomain,
    domain: window.location.host,
  };
  raw.widgets = { system };
  raw.system = {
    format: {
      date: { date: 'DD.MM.YYYY', date_short: 'DD.MM', full: 'DD.MM.YYYY HH:mm', time: 'HH:mm' },
    },
  };
}
