import {
  CONFIDENCE_CHOICES,
  DEFAULT_SETTINGS,
  HORIZON_CHOICES,
  MAX_STUCK_DAYS,
  PERIOD_PRESETS,
  SettingsSchema,
  parseSettings,
  showsPipeline,
} from '../../../src/state/settings';
import type { WidgetSettings } from '../../../src/state/settings';

const ok = (raw: unknown): WidgetSettings => {
  const result = parseSettings(raw);
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.issues)}`);
  return result.settings;
};
const issues = (raw: unknown) => {
  const result = parseSettings(raw);
  if (result.ok) throw new Error('accepted');
  return result.issues;
};

describe('parseSettings', () => {
  it.each([undefined, null, ''])('gives the defaults when nothing is saved yet (%p)', raw => {
    expect(ok(raw)).toEqual(DEFAULT_SETTINGS);
  });

  it('the defaults are what the schema fills in for an empty object', () => {
    expect(ok({})).toEqual(DEFAULT_SETTINGS);
    expect(SettingsSchema.parse({})).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS).toEqual({
      stuckDaysByStage: {},
      defaultPeriod: 'last_30',
      pipelines: [],
      minSample: 10,
      horizonDays: 365,
      sideStageIds: [],
      alertConfidence: 0.95,
      sourceFieldId: null,
      workingWeek: null,
      snoozeUntilFieldId: null,
      snoozeReasonFieldId: null,
    });
  });

  it('reads the JSON string amoCRM keeps, and an object already parsed, alike', () => {
    const saved: WidgetSettings = {
      stuckDaysByStage: { '142': 3, '143': 2.5 },
      defaultPeriod: 'quarter',
      pipelines: [7, 9],
      minSample: 25,
      horizonDays: 730,
      sideStageIds: [31, 35],
      alertConfidence: 0.99,
      sourceFieldId: 1283437,
      workingWeek: {
        days: [1, 2, 3, 4, 5],
        hours: [{ from: 540, to: 1080 }],
        timeZone: 'Europe/Moscow',
        holidays: ['2026-01-01'],
      },
      snoozeUntilFieldId: 2001,
      snoozeReasonFieldId: null,
    };
    expect(ok(JSON.stringify(saved))).toEqual(saved);
    expect(ok(saved)).toEqual(saved);
  });

  it('keeps no source field by default, and refuses one that is not a field id', () => {
    expect(DEFAULT_SETTINGS.sourceFieldId).toBeNull();
    expect(ok('{"sourceFieldId": 77}').sourceFieldId).toBe(77);
    expect(parseSettings('{"sourceFieldId": -1}').ok).toBe(false);
    expect(parseSettings('{"sourceFieldId": "utm"}').ok).toBe(false);
  });

  it('keeps the snooze fields (metrics.md F.6) as field ids or none', () => {
    expect(ok('{"snoozeUntilFieldId": 5, "snoozeReasonFieldId": 6}')).toMatchObject({
      snoozeUntilFieldId: 5,
      snoozeReasonFieldId: 6,
    });
    expect(parseSettings('{"snoozeUntilFieldId": 0}').ok).toBe(false);
    expect(parseSettings('{"snoozeReasonFieldId": "x"}').ok).toBe(false);
  });

  it('fills what a partial value leaves out, and drops unknown fields', () => {
    expect(ok('{"minSample": 5, "theme": "dark"}')).toEqual({ ...DEFAULT_SETTINGS, minSample: 5 });
  });

  it('accepts each period preset and the bounds of every number', () => {
    for (const defaultPeriod of PERIOD_PRESETS)
      expect(ok({ defaultPeriod }).defaultPeriod).toBe(defaultPeriod);
    expect(ok({ minSample: 1 }).minSample).toBe(1);
    expect(ok({ minSample: 1000 }).minSample).toBe(1000);
    expect(ok({ stuckDaysByStage: { '1': MAX_STUCK_DAYS } }).stuckDaysByStage).toEqual({
      '1': MAX_STUCK_DAYS,
    });
  });

  it('loads a year of history by default, and takes every horizon the settings offer', () => {
    expect(ok({}).horizonDays).toBe(365);
    for (const horizonDays of HORIZON_CHOICES)
      expect(ok({ horizonDays }).horizonDays).toBe(horizonDays);
  });

  it('takes null as all history, and the bounds of the horizon', () => {
    expect(ok({ horizonDays: null }).horizonDays).toBeNull();
    expect(ok('{"horizonDays": null}').horizonDays).toBeNull();
    expect(ok({ horizonDays: 30 }).horizonDays).toBe(30);
    expect(ok({ horizonDays: 3650 }).horizonDays).toBe(3650);
  });

  it('flags changes at 95% by default, and takes every level offered and the engine’s bounds', () => {
    // Settings saved before the level existed read as the default.
    expect(ok('{"minSample": 5}').alertConfidence).toBe(0.95);
    for (const alertConfidence of CONFIDENCE_CHOICES)
      expect(ok({ alertConfidence }).alertConfidence).toBe(alertConfidence);
    expect(ok({ alertConfidence: 0.5 }).alertConfidence).toBe(0.5);
    expect(ok({ alertConfidence: 0.999 }).alertConfidence).toBe(0.999);
  });

  it('refuses a string that is not JSON as not_json', () => {
    expect(parseSettings('{minSample: 5')).toEqual({
      ok: false,
      issues: [{ path: '', code: 'not_json' }],
    });
  });

  it.each([
    [{ minSample: 0 }, 'minSample', 'too_small'],
    [{ minSample: 1001 }, 'minSample', 'too_big'],
    [{ minSample: 2.5 }, 'minSample', 'invalid_type'],
    [{ stuckDaysByStage: { '12': 0 } }, 'stuckDaysByStage.12', 'too_small'],
    [{ stuckDaysByStage: { '12': MAX_STUCK_DAYS + 1 } }, 'stuckDaysByStage.12', 'too_big'],
    [{ stuckDaysByStage: { abc: 3 } }, 'stuckDaysByStage.abc', 'invalid_key'],
    [{ pipelines: [3, 1.5] }, 'pipelines.1', 'invalid_type'],
    [{ pipelines: [-3] }, 'pipelines.0', 'too_small'],
    [{ defaultPeriod: 'last_7' }, 'defaultPeriod', 'invalid_value'],
    [{ horizonDays: 29 }, 'horizonDays', 'too_small'],
    [{ horizonDays: 3651 }, 'horizonDays', 'too_big'],
    [{ horizonDays: 365.5 }, 'horizonDays', 'invalid_type'],
    [{ horizonDays: '365' }, 'horizonDays', 'invalid_type'],
    [{ alertConfidence: 1 }, 'alertConfidence', 'too_big'],
    [{ alertConfidence: 0.4 }, 'alertConfidence', 'too_small'],
    [{ alertConfidence: '0.95' }, 'alertConfidence', 'invalid_type'],
    [[], '', 'invalid_type'],
    ['[]', '', 'invalid_type'],
    [5, '', 'invalid_type'],
  ])('refuses %j with the path of the bad value', (raw, path, code) => {
    expect(issues(raw)).toEqual([{ path, code }]);
  });

  it('lists every bad value at once', () => {
    expect(issues({ minSample: 0, defaultPeriod: 'x' })).toEqual(
      expect.arrayContaining([
        { path: 'minSample', code: 'too_small' },
        { path: 'defaultPeriod', code: 'invalid_value' },
      ]),
    );
  });

  it('reads the legacy stuckDays record as stuckDaysByStage', () => {
    expect(ok({ stuckDays: { '142': 4 } })).toEqual({
      ...DEFAULT_SETTINGS,
      stuckDaysByStage: { '142': 4 },
    });
    expect(ok('{"stuckDays": {"142": 4}, "minSample": 3}')).toEqual({
      ...DEFAULT_SETTINGS,
      stuckDaysByStage: { '142': 4 },
      minSample: 3,
    });
  });

  it('checks the legacy record like the new one, under the new name', () => {
    expect(issues({ stuckDays: { '142': 0 } })).toEqual([
      { path: 'stuckDaysByStage.142', code: 'too_small' },
    ]);
  });

  it('keeps the new name when both are saved', () => {
    expect(ok({ stuckDays: { '1': 4 }, stuckDaysByStage: { '2': 5 } }).stuckDaysByStage).toEqual({
      '2': 5,
    });
    // Even a bad legacy value is ignored then: it is not what the widget runs with.
    expect(ok({ stuckDays: { '1': 0 }, stuckDaysByStage: {} }).stuckDaysByStage).toEqual({});
  });
});

describe('parseSettings: the working week (metrics.md F.1)', () => {
  const week = {
    days: [5, 1, 2, 3, 4],
    hours: [{ from: 540, to: 1080 }],
    timeZone: 'Europe/Moscow',
    holidays: ['2026-01-07', '2026-01-01', '2026-01-07'],
  };

  it('is not set by default, and reads as the engine does: days sorted, holidays listed once', () => {
    expect(ok({}).workingWeek).toBeNull();
    expect(ok({ workingWeek: null }).workingWeek).toBeNull();
    expect(ok({ workingWeek: week }).workingWeek).toEqual({
      ...week,
      days: [1, 2, 3, 4, 5],
      holidays: ['2026-01-01', '2026-01-07'],
    });
  });

  it("refuses a bad week with the engine's code and the bad value's path under workingWeek", () => {
    expect(
      issues({
        workingWeek: {
          ...week,
          days: [1, 8],
          hours: [{ from: 600, to: 540 }],
          timeZone: 'Mars/Olympus',
          holidays: ['2026-02-30'],
        },
      }),
    ).toEqual([
      { path: 'workingWeek.days.1', code: 'out_of_range' },
      { path: 'workingWeek.hours.0', code: 'empty_interval' },
      { path: 'workingWeek.timeZone', code: 'unknown_time_zone' },
      { path: 'workingWeek.holidays.0', code: 'invalid_date' },
    ]);
    expect(issues({ workingWeek: 'Mon-Fri' })).toEqual([
      { path: 'workingWeek', code: 'invalid_type' },
    ]);
  });
});

describe('showsPipeline', () => {
  it('shows every pipeline when none is chosen', () => {
    expect(showsPipeline(DEFAULT_SETTINGS, 1)).toBe(true);
    expect(showsPipeline(DEFAULT_SETTINGS, 999)).toBe(true);
  });

  it('shows only the chosen pipelines otherwise', () => {
    const settings = { ...DEFAULT_SETTINGS, pipelines: [3, 5] };
    expect(showsPipeline(settings, 3)).toBe(true);
    expect(showsPipeline(settings, 5)).toBe(true);
    expect(showsPipeline(settings, 4)).toBe(false);
  });
});
