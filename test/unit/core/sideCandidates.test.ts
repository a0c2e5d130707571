/** Suggested side stages (metrics.md extensions): departures back or to lost, by hand. */
import { buildModel, stageDepartures } from '../../../src/core';
import { A, B, C, input, lead, LOST, mv } from './builders';

describe('stageDepartures', () => {
  // Twelve leads go A → C → back to A (C behaves like a side stage, sorted late); ten more go
  // A → B → lost (B is a weak step: it loses, but nobody goes back from it).
  const leads = [
    ...Array.from({ length: 12 }, (_, k) => lead(k + 1, { statusId: A, updatedAt: 0 })),
    ...Array.from({ length: 10 }, (_, k) => lead(k + 100, { statusId: LOST, updatedAt: 0 })),
  ];
  const events = [
    ...leads.slice(0, 12).flatMap(l => [mv(l.id, 1, A, C), mv(l.id, 5, C, A)]),
    ...leads.slice(12).flatMap(l => [mv(l.id, 1, A, B), mv(l.id, 5, B, LOST)]),
  ];
  const byId = new Map(stageDepartures(buildModel(input(leads, events))).map(d => [d.stageId, d]));

  it('suggests a stage most leads leave backwards or to lost, some of them backwards', () => {
    expect(byId.get(C)).toEqual({ stageId: C, leaves: 12, back: 12, lost: 0, suggested: true });
  });

  it('does not suggest a weak step that only loses deals', () => {
    expect(byId.get(B)).toEqual({ stageId: B, leaves: 10, back: 0, lost: 10, suggested: false });
    expect(byId.get(A)).toMatchObject({ leaves: 22, back: 0, suggested: false });
  });

  it('measures "earlier" by sort order even when the stage is already a side stage', () => {
    const model = buildModel({ ...input(leads, events), sideStageIds: [C] });
    expect(stageDepartures(model).find(d => d.stageId === C)).toMatchObject({
      back: 12,
      suggested: true,
    });
  });
});
