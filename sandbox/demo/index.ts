import { eventLog, replaceEvents, toDemoLead } from './assemble';
import { fillCustomFields, RU_FIELDS } from './fields';
import { planLeads } from './leads';
import { localizeDemoAccount } from './localize';
import { Rng } from './random';
import { sendToSideStage } from './sideStage';
import { markSnoozes, snoozeFields } from './snooze';
import { plantDrop } from './drop';
import { assignHostileNames, markDeletions } from './specials';
import { accountInfo, groups, lossReasons, pipelines, users } from './structure';
import type { DemoAccount, DemoLead, DemoOptions } from './types';

/**
 * The deterministic demo amoCRM account every demo, e2e test and benchmark of Funnel Lens uses:
 * a year (18 months at load-test sizes) of a B2B sales team's history in two pipelines, with the
 * funnel story the product must find (30% lost before work starts, Квалифицирован → Отправлено КП
 * as the weakest transition, deals stuck in КП / Договор; by source and product, see fields.ts) and
 * the messy parts of real data (skips, back moves, reopenings, pipeline moves, imports without
 * history, deleted leads, hostile names).
 */

export type * from './types';
export { HOSTILE_NAMES } from './names';
export { FIELD_IDS, RU_FIELD_NAMES, STRONG_PRODUCT, WEAK_SOURCE } from './fields';
export { SNOOZE, SNOOZE_FIELD_IDS } from './snooze';
export { DEMO_LOCALES, type DemoLocale } from './locales';
export {
  ACCOUNT_ID,
  GROUP_IDS,
  LOSS_REASONS,
  LOST,
  PIPELINE_IDS,
  STATUS_IDS,
  TAGS,
  USER_IDS,
  WON,
} from './structure';

/** Lead count of the sandbox's demo account. */
export const DEMO_DEFAULT_LEADS = 3000;
/** Seed of the sandbox's demo account. */
export const DEMO_DEFAULT_SEED = 20_240_607;
/** Largest supported account; beyond it memory, not time, becomes the limit. */
export const DEMO_MAX_LEADS = 1_000_000;
/** Days of history of an account of up to `DEMO_LONG_HISTORY_ABOVE` leads: the story's year. */
export const DEMO_HISTORY_DAYS = 365;
/** Days of history of a larger account: 18 months. */
export const DEMO_LONG_HISTORY_DAYS = 548;
export const DEMO_LONG_HISTORY_ABOVE = 10_000;

/**
 * How far back an account of `leads` leads goes. Large accounts are the load fixtures: a report
 * over a whole year must find history before it too (leads created earlier that move inside the
 * year, events the `created_at` filter has to drop), as on a real account with years behind it.
 * Small ones keep the one year their story and tests are tuned on.
 */
export function demoHistoryDays(leads: number): number {
  return leads > DEMO_LONG_HISTORY_ABOVE ? DEMO_LONG_HISTORY_DAYS : DEMO_HISTORY_DAYS;
}

const YEAR = 365 * 86_400;

function check(options: DemoOptions): void {
  const { seed, leads, now } = options;
  if (!Number.isSafeInteger(seed)) {
    throw new RangeError(
      `generateDemoAccount: options.seed must be an integer, got ${String(seed)}`,
    );
  }
  if (!Number.isSafeInteger(leads) || leads < 0 || leads > DEMO_MAX_LEADS) {
    throw new RangeError(
      `generateDemoAccount: options.leads must be an integer from 0 to ${DEMO_MAX_LEADS}, got ${String(leads)}`,
    );
  }
  if (!Number.isSafeInteger(now) || now < 2 * YEAR) {
    throw new RangeError(
      `generateDemoAccount: options.now must be epoch seconds (an integer after 1972), got ${String(now)}`,
    );
  }
}

/**
 * Builds the demo account. The same `{seed, leads, now}` always gives an identical account
 * (JSON.stringify-equal); `leads` is the total over both pipelines; the history covers the
 * `demoHistoryDays(leads)` days before `now` (365, or 548 above 10,000 leads), and nothing in it
 * is later than `now`. `lang` (default ru) names everything in that language and converts prices
 * to its currency; the funnel itself is the same in every language.
 */
export function generateDemoAccount(options: DemoOptions): DemoAccount {
  check(options);
  const { seed, leads: count, now } = options;
  // A new stream goes last: `streams` gives each name the next jump, so the others stay as they were.
  const rng = Rng.streams(seed, [
    'timing',
    'journeys',
    'names',
    'misc',
    'specials',
    'ids',
    'side',
    'fields',
    'drop',
    'snooze',
  ]);
  const plans = planLeads(count, now, demoHistoryDays(count), rng);
  assignHostileNames(plans, rng.specials);
  markDeletions(plans, now, rng.specials);
  const leads = plans.map(plan => toDemoLead(plan, now, rng.misc));
  const log = eventLog(plans, rng.ids);
  // The side stage comes after everything else and from its own stream, and it only rewrites
  // repeat-only deals: every other lead and event is the same as without it.
  const parked = new Set(sendToSideStage(plans, now, rng.side));
  const finalLeads = plans.map((plan, i) =>
    parked.has(plan) ? toDemoLead(plan, now, rng.side) : (leads[i] as DemoLead),
  );
  const sided = replaceEvents(log, [...parked], rng.side);
  // The planted drop (drop.ts), likewise last and from its own stream: only main-pipeline deals
  // that moved on from Взяли в работу in the last weeks change. Its event sequence numbers start
  // above both passes' (the side stage's are below log + sided).
  const dropped = new Set(plantDrop(plans, now, rng.drop));
  plans.forEach((plan, i) => {
    if (dropped.has(plan)) finalLeads[i] = toDemoLead(plan, now, rng.drop);
  });
  const events = replaceEvents(sided, [...dropped], rng.drop, log.length + sided.length);
  // Custom fields read the finished journeys and draw from their own stream, last of all.
  fillCustomFields(plans, finalLeads, rng.fields);
  // A few snoozed deals (snooze.ts), after the fields they add to, from the last stream.
  markSnoozes(finalLeads, i => plans[i]?.journey.stalled ?? false, now, rng.snooze);
  const account: DemoAccount = {
    account: accountInfo(now),
    groups: groups(),
    users: users(),
    pipelines: pipelines(),
    leads: finalLeads,
    events,
    lossReasons: lossReasons(now),
    customFields: [...RU_FIELDS.fields, ...snoozeFields('ru')],
  };
  return localizeDemoAccount(account, options.lang ?? 'ru', seed);
}
