import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import type { FunnelReport } from '../../../../src/core';
import { zonedParts } from '../../../../src/core';
import { DEFAULT_SETTINGS } from '../../../../src/state';
import { civilToInput } from '../../../../src/ui/common/periodDates';
import { ReportPage } from '../../../../src/ui/fullReport';
import { SNOOZE_FIELD_IDS } from '../../../../sandbox/demo';
import { DEMO_NOW, PIPELINE_IDS } from '../../../support/demo';
import { testEnv, WithEnv } from '../../../support/env';
import { dataModels, demo, reportModel, TIME_ZONE, until } from './demoModels';
import { fakeCharts } from './fakeCharts';

beforeEach(() => {
  jest.useFakeTimers({ now: DEMO_NOW * 1000 });
});
afterEach(() => {
  cleanup();
  jest.useRealTimers();
});

const NAMED = {
  snoozeUntilFieldId: SNOOZE_FIELD_IDS.until,
  snoozeReasonFieldId: SNOOZE_FIELD_IDS.reason,
};

/** The report page over the demo, whose few marked deals (sandbox/demo/snooze.ts) it reads. */
async function mount(fields: typeof NAMED | null) {
  const d = demo();
  const settings = { ...DEFAULT_SETTINGS, ...(fields ?? {}) };
  const models = dataModels(d, { settings });
  // Open deals (and so snoozed ones) are every current deal, whatever the period.
  const report = reportModel(models);
  const downloads: { name: string; text: string }[] = [];
  const env = testEnv({ lang: 'ru', managers: d.managers });
  const view = render(
    <WithEnv env={env}>
      <ReportPage
        data={models.data}
        report={report}
        pipelines={d.pipelines.map(p => ({ id: p.id, name: p.name }))}
        pipelineId={PIPELINE_IDS.main}
        onPipelineChange={() => undefined}
        createChart={fakeCharts().create}
        download={(name, text) => downloads.push({ name, text })}
      />
    </WithEnv>,
  );
  await until(() => report.state.value.status === 'ok', 'the report');
  const shown = (): FunnelReport => {
    const r = report.report.value;
    if (!r) throw new Error('no report');
    return r;
  };
  const finish = () => {
    view.unmount();
    report[Symbol.dispose]();
    models.dispose();
  };
  return { env, shown, downloads, finish };
}

const section = (id: string): HTMLElement | null =>
  document.querySelector<HTMLElement>(`section[aria-labelledby="fl-report-${id}"]`);

const bodyRows = (el: HTMLElement): string[][] =>
  [...el.querySelectorAll('tbody tr')].map(tr =>
    [...tr.children].map(cell => cell.textContent.trim()),
  );

describe('ReportPage: snoozed deals listed apart (metrics.md F.6)', () => {
  it('has no snoozed part while the settings name no fields', async () => {
    const m = await mount(null);
    expect(m.shown().snoozed).toBeUndefined();
    expect(section('snoozed')).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Отложенные сделки' })).toBeNull();
    m.finish();
  });

  it('lists the report’s snoozed deals with stage, date, reason and the stuck flag', async () => {
    const m = await mount(NAMED);
    const { t, fmt } = m.env;
    const r = m.shown();
    const snoozed = r.snoozed ?? [];
    // The demo marks some stuck deals and some that are not (SNOOZE in sandbox/demo/snooze.ts).
    expect(snoozed.some(d => d.stuck)).toBe(true);
    expect(snoozed.some(d => !d.stuck)).toBe(true);
    expect(snoozed.every(d => d.until > DEMO_NOW)).toBe(true);
    const el = section('snoozed');
    if (!el) throw new Error('no snoozed section');
    expect(within(el).getByRole('heading', { name: 'Отложенные сделки' })).toBeTruthy();
    const stage = new Map(r.stages.map(s => [s.id, s.name]));
    expect(bodyRows(el)).toEqual(
      snoozed.map(d => [
        expect.any(String),
        stage.get(d.stageId),
        m.env.userName(d.responsibleUserId),
        fmt.date(d.until),
        d.reason ?? t('fl.report.snoozed.noReason'),
        d.hoursAtLeast
          ? t('fl.common.atLeast', { value: fmt.days(d.hoursInStage) })
          : fmt.days(d.hoursInStage),
        t(d.stuck ? 'fl.report.snoozed.stuckYes' : 'fl.report.snoozed.stuckNo'),
        fmt.money(d.price),
      ]),
    );
    // The deal links to its card, as in the stuck list.
    const first = snoozed[0]!;
    const link = el.querySelector<HTMLAnchorElement>('tbody tr a');
    expect(link?.getAttribute('href')).toBe(m.env.leadUrl(first.leadId));
    // None of them is in the stuck list.
    const stuckIds = new Set(r.stuck.map(d => d.leadId));
    expect(snoozed.filter(d => stuckIds.has(d.leadId))).toEqual([]);
    // The definition sits on the date column's header, readable on hover and focus.
    const head = [...el.querySelectorAll('thead th')].find(th =>
      th.textContent.startsWith(t('fl.report.col.until')),
    );
    expect(head?.querySelector('[role="tooltip"]')?.textContent).toBe(t('fl.metric.snoozed'));
    m.finish();
  });

  it('downloads the list as CSV with calendar dates', async () => {
    const m = await mount(NAMED);
    const { t } = m.env;
    const snoozed = m.shown().snoozed ?? [];
    fireEvent.click(screen.getByRole('button', { name: /^Скачать CSV: Отложенные сделки/ }));
    const file = m.downloads.at(-1)!;
    expect(file.name).toMatch(/-snoozed-deals\.csv$/);
    const lines = file.text.split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(snoozed.length + 1);
    expect(lines[0]).toContain(t('fl.report.col.wouldBeStuck'));
    snoozed.forEach((d, i) => {
      const line = lines[i + 1] ?? '';
      expect(line).toContain(civilToInput(zonedParts(d.until, TIME_ZONE)));
      expect(line.endsWith(`,${String(d.price)}`)).toBe(true);
      if (d.reason) expect(line).toContain(d.reason);
    });
    m.finish();
  });
});
