import fc from 'fast-check';
import type { FieldValue, FunnelReport, Lead, OpenDeal } from '../../../src/core';
import { buildReport } from '../../../src/core';
import { A, B, C, at, input } from './builders';
import { leadArb, materialise } from './randomData';

const UNTIL = 77;
const REASON = 78;
const NOW = at(5000);

// A mark around `now`: past, exactly now, ahead; as amoCRM's seconds kept as text or as a number;
// sometimes unreadable, sometimes with a reason, blank or not.
const markArb = fc.option(
  fc.record({
    hours: fc.integer({ min: 4990, max: 5010 }),
    asText: fc.boolean(),
    junk: fc.boolean(),
    reason: fc.option(fc.constantFrom('ждёт оплату', '  ', 'отпуск клиента '), { nil: undefined }),
  }),
  { nil: undefined },
);

type Mark = NonNullable<typeof markArb extends fc.Arbitrary<infer T> ? T : never>;

function withMark(l: Lead, m: Mark | undefined): Lead {
  if (!m) return l;
  const seconds = at(m.hours);
  const until: FieldValue[] = m.junk ? ['скоро'] : [m.asText ? String(seconds) : seconds];
  return {
    ...l,
    fields: {
      [String(UNTIL)]: until,
      ...(m.reason !== undefined && { [String(REASON)]: [m.reason] }),
    },
  };
}

/** The naive reading: straight from the lead's values, no shared helper. */
function naiveMark(l: Lead): { until: number; reason: string | null } | null {
  const raw = l.fields?.[String(UNTIL)]?.[0];
  const until = typeof raw === 'number' ? raw : /^\d+$/.test(String(raw)) ? Number(raw) : NaN;
  if (!Number.isFinite(until) || until <= NOW) return null;
  const text = l.fields?.[String(REASON)]?.[0];
  const reason = typeof text === 'string' && text.trim() !== '' ? text.trim() : null;
  return { until, reason };
}

const pastThreshold = (d: OpenDeal) =>
  d.hoursAtLeast ? d.thresholdHours <= d.hoursInStage : d.hoursInStage > d.thresholdHours;

describe('snoozed deals (F.6) vs a naive second reading', () => {
  it('take snoozed deals out of stuck, list them apart and count them per stage', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(leadArb, markArb), { maxLength: 60 }),
        fc.option(fc.integer({ min: 1, max: 20 }), { nil: undefined }),
        fc.subarray([A, B, C]),
        (specs, stuckDays, sideStageIds) => {
          const d = materialise(specs.map(([spec]) => spec));
          const leads = d.leads.map((l, k) => withMark(l, specs[k]![1]));
          const data = { ...input(leads, d.events), sideStageIds };
          const opts = {
            from: at(-2400),
            to: at(2400),
            now: NOW,
            ...(stuckDays !== undefined && { stuckDays }),
          };
          const plain = buildReport(data, { ...opts, includeOpenDeals: true });
          const report: FunnelReport = buildReport(data, {
            ...opts,
            snooze: { untilFieldId: UNTIL, reasonFieldId: REASON },
          });

          const byId = new Map(leads.map(l => [l.id, l]));
          const marked = (plain.openDeals ?? []).flatMap(o => {
            const mark = naiveMark(byId.get(o.leadId)!);
            return mark ? [{ ...o, ...mark, stuck: pastThreshold(o) }] : [];
          });
          const ids = new Set(marked.map(m => m.leadId));
          expect(report.stuck).toEqual(plain.stuck.filter(s => !ids.has(s.leadId)));
          expect(report.snoozed).toEqual(
            [...marked].sort((a, b) => a.until - b.until || a.leadId - b.leadId),
          );
          for (const s of [...report.stages, ...(report.sideStages ?? [])]) {
            const here = marked.filter(m => m.stageId === s.id);
            expect(s.snoozed).toBe(here.length);
            const before = [...plain.stages, ...(plain.sideStages ?? [])].find(p => p.id === s.id)!;
            expect(s.stuck).toBe(before.stuck - here.filter(m => m.stuck).length);
          }
          expect(report.options.snooze).toEqual({ untilFieldId: UNTIL, reasonFieldId: REASON });
        },
      ),
      { numRuns: 300 },
    );
  });
});
