import ru from '../../../i18n/ru.json';
import en from '../../../i18n/en.json';
import { buildReport } from '../../../src/core';
import type { FunnelReport, LossReasonReport, StageReport } from '../../../src/core';
import { createTranslate } from '../../../src/i18n';
import {
  funnelConfig,
  funnelSummary,
  LIGHT_THEME,
  lossConfig,
  lossSummary,
  timeConfig,
  timeSummary,
  trendConfig,
  trendSummary,
  weakestIndex,
} from '../../../src/ui/chart';
import type { ChartContext } from '../../../src/ui/chart';
import { createFormatters } from '../../../src/ui/format';
import { DEMO_NOW, demoInput } from '../../support/demo';

const DAY = 86_400;
const ctx: ChartContext = {
  t: createTranslate(ru, 'ru'),
  fmt: createFormatters('ru', 'Europe/Moscow', 'RUB'),
  theme: LIGHT_THEME,
};
const input = demoInput();
const report: FunnelReport = buildReport(input, {
  from: DEMO_NOW - 120 * DAY,
  to: DEMO_NOW,
  now: DEMO_NOW,
  trend: { granularity: 'month', timeZone: 'Europe/Moscow' },
});

describe('funnelConfig', () => {
  const spec = funnelConfig(report, ctx);
  const dataset = spec.data.datasets[0]!;

  it('draws reached per stage and then won, in funnel order', () => {
    expect(spec.type).toBe('bar');
    expect(spec.options?.indexAxis).toBe('y');
    expect(spec.data.labels).toEqual([...report.stages.map(s => s.name), 'Успешно']);
    expect(dataset.data).toEqual([...report.stages.map(s => s.reached), report.won.reached]);
  });

  it('colours the stage the weakest transition starts from', () => {
    const weak = weakestIndex(report);
    expect(report.weakestTransition).not.toBeNull();
    expect(report.stages[weak]?.id).toBe(report.weakestTransition?.fromStageId);
    const colors = dataset.backgroundColor as string[];
    expect(colors[weak]).toBe(LIGHT_THEME.weak);
    expect(colors[report.stages.length]).toBe(LIGHT_THEME.good);
    expect(colors.filter(c => c === LIGHT_THEME.weak)).toHaveLength(1);
  });

  it('colours no bar when there is no weakest transition', () => {
    const plain = funnelConfig({ ...report, weakestTransition: null }, ctx);
    expect(plain.data.datasets[0]!.backgroundColor).not.toContain(LIGHT_THEME.weak);
  });

  it('summarises every bar and the bottleneck for screen readers', () => {
    const text = funnelSummary(report, ctx);
    for (const s of report.stages) expect(text).toContain(`${s.name}: ${ctx.fmt.int(s.reached)}`);
    expect(text).toContain(report.stages[weakestIndex(report)]!.name);
  });
});

describe('trendConfig', () => {
  const buckets = report.trend ?? [];
  const spec = trendConfig(buckets, ctx);

  it('draws conversion on the left axis and deals on the right, both as bars', () => {
    expect(buckets.length).toBeGreaterThan(2);
    expect(spec.type).toBe('bar');
    const [conversion, bars] = spec.data.datasets;
    expect(conversion).toMatchObject({ yAxisID: 'y' });
    expect(conversion?.data).toEqual(buckets.map(b => b.totals.conversion));
    expect(bars).toMatchObject({ yAxisID: 'y1' });
    expect(bars?.data).toEqual(buckets.map(b => b.totals.deals));
    expect(spec.data.labels).toEqual(buckets.map(b => ctx.fmt.date(b.from)));
    expect(spec.options?.scales?.y1).toMatchObject({ position: 'right' });
  });

  it('names each bucket in its summary', () => {
    const text = trendSummary(buckets, ctx);
    for (const b of buckets) expect(text).toContain(ctx.fmt.date(b.from));
  });
});

describe('timeConfig', () => {
  it('draws median and p90 in days, keeping stages without visits empty', () => {
    const stages: StageReport[] = [
      ...report.stages,
      {
        ...report.stages[0]!,
        id: 1,
        name: 'Пусто',
        time: { samples: 0, medianHours: null, p90Hours: null, openMedianHours: null },
      },
    ];
    const spec = timeConfig(stages, ctx);
    const [median, p90] = spec.data.datasets;
    expect(median?.data).toEqual(
      stages.map(s => (s.time.medianHours === null ? null : s.time.medianHours / 24)),
    );
    expect(p90?.data).toEqual(
      stages.map(s => (s.time.p90Hours === null ? null : s.time.p90Hours / 24)),
    );
    expect(median?.data.at(-1)).toBeNull();
    expect(timeSummary(stages, ctx)).toContain(
      `${stages[0]!.name}: ${ctx.fmt.days(stages[0]!.time.medianHours)}`,
    );
  });
});

describe('lossConfig', () => {
  it('stacks each reason by the stage deals were lost from', () => {
    const spec = lossConfig(report.lossReasons, report.stages, ctx);
    expect(spec.options?.scales?.x).toMatchObject({ stacked: true });
    expect(spec.options?.scales?.y).toMatchObject({ stacked: true });
    expect(spec.data.datasets.map(d => d.label)).toEqual(report.stages.map(s => s.name));
    report.lossReasons.forEach((r, i) => {
      const perStage = spec.data.datasets.map(d => d.data[i] ?? 0);
      expect(perStage).toEqual(report.stages.map(s => r.byStage[String(s.id)] ?? 0));
      expect(perStage.reduce((a, b) => a + b, 0)).toBe(r.count);
    });
  });

  it('names the reasonless group and tells stages apart even when amoCRM gave them one colour', () => {
    const reasons: LossReasonReport[] = [{ reasonId: null, name: null, count: 2, byStage: {} }];
    const stages = report.stages.map(s => ({ ...s, color: '#ffff99' }));
    const spec = lossConfig(reasons, stages, ctx);
    expect(spec.data.labels).toEqual(['Без причины']);
    const colors = spec.data.datasets.map(d => d.backgroundColor);
    expect(new Set(colors).size).toBe(Math.min(stages.length, LIGHT_THEME.palette.length));
    expect(lossSummary(reasons, { ...ctx, t: createTranslate(en, 'en') })).toBe(
      'Loss reasons, deals: No reason: 2.',
    );
  });
});
