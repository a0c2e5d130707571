/**
 * Stages that look like side stages (metrics.md 11.3, extensions: suggested side stages): most
 * leads that leave them go back to an earlier stage or to lost, so a visit there is not a step
 * forward. A stage that only loses many deals is a weak step, not a side stage, so some must also
 * go back. Only a suggestion: an admin confirms it in the settings.
 */
import { AT_LOST, placeOfEntry } from './facts';
import type { FunnelModel } from './model';

/** Fewest departures a suggestion is made on. */
export const MIN_CANDIDATE_LEAVES = 10;
/** A stage is suggested when more than this share of departures go back or to lost… */
export const CANDIDATE_SHARE = 0.5;
/** …and at least this share go back. */
export const CANDIDATE_BACK_SHARE = 0.1;

export interface SideCandidate {
  readonly stageId: number;
  /** Moves out of the stage to another place (any pipeline lead, all loaded history). */
  readonly leaves: number;
  /** Of those, moves to an earlier open stage of the pipeline (sort order). */
  readonly back: number;
  /** Of those, moves to (P, 143). */
  readonly lost: number;
  readonly suggested: boolean;
}

/** Every open stage (main and side) with its departures, the likely side stages flagged. */
export function stageDepartures(model: FunnelModel): SideCandidate[] {
  const places = model.funnel.places;
  // Earlier means earlier in the pipeline's sort order, whichever stages are side stages now.
  const rank = places.map(
    s => places.filter(o => o.sort < s.sort || (o.sort === s.sort && o.id < s.id)).length,
  );
  const leaves = new Array<number>(places.length).fill(0);
  const back = new Array<number>(places.length).fill(0);
  const lost = new Array<number>(places.length).fill(0);
  for (const f of model.facts) {
    const t = f.timeline;
    for (let k = 0; k + 1 < t.length; k++) {
      const from = placeOfEntry(t[k] ?? 0);
      if (from < 0) continue;
      const to = placeOfEntry(t[k + 1] ?? 0);
      leaves[from] = (leaves[from] ?? 0) + 1;
      if (to === AT_LOST) lost[from] = (lost[from] ?? 0) + 1;
      else if (to >= 0 && (rank[to] ?? 0) < (rank[from] ?? 0)) back[from] = (back[from] ?? 0) + 1;
    }
  }
  return places.map((s, i) => {
    const l = leaves[i] ?? 0;
    const b = back[i] ?? 0;
    const x = lost[i] ?? 0;
    return {
      stageId: s.id,
      leaves: l,
      back: b,
      lost: x,
      suggested:
        l >= MIN_CANDIDATE_LEAVES && b + x > CANDIDATE_SHARE * l && b >= CANDIDATE_BACK_SHARE * l,
    };
  });
}
