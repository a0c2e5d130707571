import { USER_IDS } from './structure';
import type { LossReasonKey, PipeKey } from './structure';

/**
 * The knobs of the demo's sales process: where leads start, how they move from each stage, how
 * long they wait, why they are lost, and how each manager differs. The numbers are tuned so the
 * metric engine (shared/spec/metrics.md) finds the intended story:
 * - ~30% of requests are lost before work starts (Неразобранное / Новый лид);
 * - Квалифицирован → Отправлено КП is by far the weakest transition (~40% decided conversion,
 *   every other stage ≥ 60%), lost there mostly for price, budget and competitors;
 * - managers differ visibly in conversion and speed.
 */

/** A lead's position inside a pipeline: an open-stage index, or one of these. */
export const INCOMING = -1;
export const WON_POS = -2;
export const LOST_POS = -3;
/** The pipeline's side stage (`STATUS_IDS[pipe].side`), entered only by the side-stage pass. */
export const SIDE_POS = -4;

export interface Move {
  /** Open-stage index (in `pipe`, default: the current pipeline), or WON_POS / LOST_POS. */
  readonly to: number;
  readonly w: number;
  readonly pipe?: PipeKey;
}

type ReasonMix = readonly (readonly [LossReasonKey | null, number])[];

export interface StageKnobs {
  /** Median calendar hours until the lead moves on (or drops out); log-normal with `sigma`. */
  readonly hours: number;
  readonly sigma: number;
  readonly moves: readonly Move[];
  /** Why leads lost here were lost; `null` = closed without choosing a reason. */
  readonly reasons: ReasonMix;
}

export interface PipelineKnobs {
  readonly incoming: StageKnobs;
  readonly open: readonly StageKnobs[];
  /** From this open stage on, a lost lead may still pay later (143 → 142). */
  readonly lateFrom: number;
  /** Where a won lead is reopened to (payment returned, contract reworked). */
  readonly wonReopenTo: number;
}

// prettier-ignore
const EARLY: ReasonMix = [['noAnswer', 40], ['spam', 25], ['noNeed', 25], [null, 10]];
// prettier-ignore
const WORK: ReasonMix = [['noNeed', 30], ['noBudget', 20], ['noAnswer', 20], ['expensive', 15], [null, 15]];
// prettier-ignore
const QUALIFIED: ReasonMix = [['expensive', 40], ['noBudget', 27], ['competitor', 23], ['noNeed', 5], [null, 5]];
// prettier-ignore
const PROPOSAL: ReasonMix = [['competitor', 35], ['expensive', 30], ['noBudget', 15], ['timing', 12], [null, 8]];
// prettier-ignore
const LATE: ReasonMix = [['timing', 30], ['competitor', 30], ['expensive', 15], ['noBudget', 15], [null, 10]];
/** Leads created already lost, or imported lost: reasons were often not filled in. */
// prettier-ignore
export const CREATED_LOST: ReasonMix = [['competitor', 20], ['expensive', 20], ['noNeed', 20], [null, 40]];

const L = LOST_POS;
const W = WON_POS;

// prettier-ignore
export const FUNNEL: Record<PipeKey, PipelineKnobs> = {
  main: {
    // Неразобранное: accepted within hours; spam and dead numbers are closed right away.
    incoming: { hours: 1.5, sigma: 1, reasons: EARLY, moves: [
      { to: 0, w: 74 }, { to: 1, w: 6 }, { to: L, w: 17 }, { to: 0, w: 3, pipe: 'repeat' },
    ] },
    open: [
      /* Новый лид */ { hours: 3, sigma: 1, reasons: EARLY, moves: [
        { to: 1, w: 75 }, { to: 2, w: 2 }, { to: L, w: 22 }, { to: 0, w: 1, pipe: 'repeat' },
      ] },
      /* Взяли в работу */ { hours: 26, sigma: 0.9, reasons: WORK, moves: [
        { to: 2, w: 78 }, { to: 3, w: 3 }, { to: L, w: 15 }, { to: 1, w: 3, pipe: 'repeat' },
        { to: 0, w: 1 },
      ] },
      /* Квалифицирован: the bottleneck */ { hours: 60, sigma: 0.9, reasons: QUALIFIED, moves: [
        { to: 3, w: 29 }, { to: 5, w: 2 }, { to: 4, w: 1 }, { to: L, w: 66 }, { to: 1, w: 1 },
        { to: 1, w: 2, pipe: 'repeat' },
      ] },
      /* Отправлено КП */ { hours: 130, sigma: 0.8, reasons: PROPOSAL, moves: [
        { to: 4, w: 60 }, { to: 5, w: 5 }, { to: 2, w: 6 }, { to: L, w: 29 },
      ] },
      /* Реквизиты получены */ { hours: 60, sigma: 0.8, reasons: LATE, moves: [
        { to: 5, w: 84 }, { to: 6, w: 3 }, { to: 3, w: 3 }, { to: L, w: 10 },
      ] },
      /* Договор/счет отправлен */ { hours: 150, sigma: 0.7, reasons: LATE, moves: [
        { to: 6, w: 74 }, { to: W, w: 4 }, { to: 3, w: 5 }, { to: L, w: 17 },
      ] },
      /* Оплата получена */ { hours: 40, sigma: 0.8, reasons: LATE, moves: [
        { to: W, w: 96 }, { to: 5, w: 2 }, { to: L, w: 2 },
      ] },
    ],
    lateFrom: 4,
    wonReopenTo: 5,
  },
  repeat: {
    incoming: { hours: 2, sigma: 1, reasons: EARLY, moves: [
      { to: 0, w: 85 }, { to: 1, w: 3 }, { to: L, w: 12 },
    ] },
    open: [
      /* Новый запрос */ { hours: 6, sigma: 1, reasons: WORK, moves: [
        { to: 1, w: 80 }, { to: 2, w: 2 }, { to: L, w: 15 }, { to: 2, w: 3, pipe: 'main' },
      ] },
      /* Подбор решения */ { hours: 48, sigma: 0.9, reasons: QUALIFIED, moves: [
        { to: 2, w: 68 }, { to: L, w: 22 }, { to: 0, w: 3 }, { to: 2, w: 4, pipe: 'main' },
        { to: 3, w: 3, pipe: 'main' },
      ] },
      /* Отправлено КП */ { hours: 96, sigma: 0.8, reasons: PROPOSAL, moves: [
        { to: 3, w: 62 }, { to: 1, w: 5 }, { to: L, w: 33 },
      ] },
      /* Оплата получена */ { hours: 36, sigma: 0.8, reasons: LATE, moves: [
        { to: W, w: 95 }, { to: 2, w: 2 }, { to: L, w: 3 },
      ] },
    ],
    lateFrom: 2,
    wonReopenTo: 2,
  },
};

/** Where new leads start: the main funnel gets ~88%; a few are created already in a later stage. */
export const MAIN_SHARE = 0.88;
// prettier-ignore
export const START_WEIGHTS: Record<PipeKey, readonly (readonly [number, number])[]> = {
  main: [[INCOMING, 58], [0, 33], [2, 4], [3, 2], [5, 1], [W, 0.6], [L, 0.4]],
  repeat: [[INCOMING, 70], [0, 30]],
};
/** Old deals imported once at the start of the history, never touched again (no events). */
export const IMPORTED_SHARE = 0.01;
/** Imported deals are mostly closed ones; a few open ones were forgotten in late stages. */
// prettier-ignore
export const IMPORTED_START: readonly (readonly [number, number])[] = [
  [W, 40], [L, 55], [3, 2], [5, 2],
];

/** Reopenings and re-wins, per closing. */
export const REOPEN = {
  maxPerLead: 2,
  lost: 0.05,
  lostEarly: 0.01,
  lostToWon: 0.02,
  won: 0.012,
  /** Median days until a closed lead is picked up again. */
  lostDays: 14,
  wonDays: 5,
} as const;

/**
 * Deals that entered Отправлено КП or Договор/счет 3–8 weeks ago and then nobody touched:
 * managers clean such deals up eventually, so only recent ones are still hanging open.
 */
export const STALL = {
  pipe: 'main',
  positions: [3, 5],
  minDays: 22,
  maxDays: 55,
  chance: 0.35,
} as const;

/**
 * Недозвон, the repeat pipeline's side stage (metrics.md 11.3): after the first request some
 * clients cannot be reached, and the manager parks the deal there and keeps calling for days. It
 * is sorted after the real steps, so an engine that takes it for a step counts every parked deal
 * as having passed Подбор решения and Отправлено КП. Applied by `sideStage.ts` after everything
 * else, from its own random stream, to deals that never touch the main pipeline.
 */
// prettier-ignore
export const SIDE_STAGE = {
  pipe: 'repeat',
  /** Instead of its first move out of this open stage (Новый запрос), the deal goes there. */
  from: 0,
  chance: 0.32,
  /** Median calendar hours until the client is reached or given up on. */
  hours: 4 * 24,
  sigma: 0.8,
  /** Back to Новый запрос, on to Подбор решения, or lost. */
  moves: [{ to: 0, w: 40 }, { to: 1, w: 25 }, { to: LOST_POS, w: 35 }],
  reasons: [['noAnswer', 75], ['noNeed', 10], [null, 15]] as ReasonMix,
  /** Parked 2–9 weeks ago and then nobody called again: these are still there, stuck. */
  forgotten: { minDays: 14, maxDays: 60, chance: 0.4 },
} as const;

/**
 * The demo's real drop (issue 13, `drop.ts`): over the `days` before `now`, only `keep` of the
 * deals that would move on from Взяли в работу do; the rest are lost there (no need, no budget:
 * a campaign brought leads that do not qualify). Its decided conversion to Квалифицирован falls
 * from about 85% to about 65% in the last weeks, for the significant-changes alert to find
 * (docs/metrics.md F.2), while staying above Квалифицирован → Отправлено КП, the weakest link.
 */
// prettier-ignore
export const DROP = {
  pipe: 'main',
  from: 1,
  days: 35,
  keep: 0.7,
  reasons: [['noNeed', 50], ['noBudget', 30], ['noAnswer', 10], [null, 10]] as ReasonMix,
} as const;

/** Fresh requests nobody has accepted yet: they wait in Неразобранное at `now`. */
export const PENDING_INCOMING = { maxDays: 3, chance: 0.3 } as const;

/** Chance, per stage a lead goes through, that it is handed to another manager before moving on. */
export const REASSIGN_CHANCE = 0.02;
/** Share of moves done by a robot / Digital Pipeline (event `created_by` 0). */
export const ROBOT_SHARE = 0.08;

export interface ManagerProfile {
  readonly id: number;
  /** Relative share of new leads. */
  readonly share: number;
  /** Multiplies every waiting time: 2 = twice as slow. */
  readonly speed: number;
  /** Multiplies the loss weight at each open stage of the main pipeline. */
  readonly lossMul: readonly number[];
}

export const MANAGERS: readonly ManagerProfile[] = [
  // The head of sales takes a few large deals and closes them well.
  { id: USER_IDS.admin, share: 3, speed: 1, lossMul: [0.8, 0.8, 0.8, 0.6, 0.6, 0.6, 0.6] },
  // Strong closer: wins most deals from КП on.
  { id: USER_IDS.volkov, share: 17, speed: 0.9, lossMul: [1, 0.95, 0.75, 0.45, 0.5, 0.45, 0.45] },
  { id: USER_IDS.morozova, share: 17, speed: 1, lossMul: [1, 1, 1, 1, 1, 1, 1] },
  // Slow: every stage takes about twice as long.
  { id: USER_IDS.lebedev, share: 16, speed: 2.1, lossMul: [1.1, 1, 1, 1.05, 1, 1.1, 1] },
  // Loses many deals after sending a proposal.
  { id: USER_IDS.novikova, share: 17, speed: 1, lossMul: [1, 1, 1.1, 2.4, 1.1, 1, 1] },
  // Fast and average.
  { id: USER_IDS.kozlov, share: 17, speed: 0.6, lossMul: [0.95, 1, 1, 1, 1, 1, 1] },
  // Junior: a bit slower and loses more everywhere.
  { id: USER_IDS.pavlova, share: 13, speed: 1.3, lossMul: [1.1, 1.15, 1.05, 1.1, 1.15, 1.1, 1] },
];

/** Prices in RUB: log-normal, rounded to hundreds; unqualified requests often have none yet. */
export const PRICE = {
  main: { median: 95_000, sigma: 1 },
  repeat: { median: 45_000, sigma: 0.9 },
  min: 15_000,
  max: 2_500_000,
  zeroIncoming: 0.12,
  zeroOther: 0.03,
} as const;
