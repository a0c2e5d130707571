import { join } from 'node:path';
import {
  alertsOption,
  forecastDaysOption,
  withOptionalValues,
  workingWeekOption,
} from '../../../src/cli/foresightOptions';
import { dataDir } from './run';

const refused = (read: () => unknown) => {
  try {
    read();
  } catch (error) {
    return { code: (error as { exitCode?: number }).exitCode, message: (error as Error).message };
  }
  return null;
};

const file = (content: unknown) => join(dataDir({ 'week.json': content }), 'week.json');

describe('foresight options of report', () => {
  it('reads --alerts and --forecast-days with or without a value', () => {
    expect(withOptionalValues(['--alerts', '--json', '--forecast-days'])).toEqual([
      '--alerts=',
      '--json',
      '--forecast-days=',
    ]);
    expect(withOptionalValues(['--alerts', '0.9', '--forecast-days', '7,30', '--money'])).toEqual([
      '--alerts=0.9',
      '--forecast-days=7,30',
      '--money',
    ]);
    expect(withOptionalValues(['--alerts=0.9', '--', '--alerts'])).toEqual([
      '--alerts=0.9',
      '--',
      '--alerts',
    ]);
  });

  it('takes a confidence level in [0.5, 1), 0.95 when none is given', () => {
    expect(alertsOption(undefined)).toBeUndefined();
    expect(alertsOption('')).toEqual({ confidence: 0.95 });
    expect(alertsOption('0.5')).toEqual({ confidence: 0.5 });
    for (const bad of ['1', '95', '0.4', '.9', '0x1', 'high'])
      expect(refused(() => alertsOption(bad))).toEqual({
        code: 2,
        message: expect.stringContaining(`--alerts: expected a confidence level`),
      });
  });

  it('takes horizons in days, ascending and each once, 30 and 90 when none are given', () => {
    expect(forecastDaysOption(undefined)).toBeUndefined();
    expect(forecastDaysOption('')).toEqual([30, 90]);
    expect(forecastDaysOption('90, 7,30,7')).toEqual([7, 30, 90]);
    expect(refused(() => forecastDaysOption('0'))?.message).toContain('--forecast-days');
    expect(refused(() => forecastDaysOption('7,,30'))?.code).toBe(2);
  });

  it('reads a working week from a file, sorted as the engine keeps it', () => {
    const week = {
      days: [5, 1],
      hours: [
        { from: 840, to: 1080 },
        { from: 540, to: 780 },
      ],
      timeZone: 'Europe/Moscow',
      holidays: ['2026-01-02', '2026-01-01', '2026-01-02'],
    };
    expect(workingWeekOption(file(week))).toEqual({
      days: [1, 5],
      hours: [
        { from: 540, to: 780 },
        { from: 840, to: 1080 },
      ],
      timeZone: 'Europe/Moscow',
      holidays: ['2026-01-01', '2026-01-02'],
    });
    expect(workingWeekOption(undefined)).toBeUndefined();
  });

  it.each([
    [[1, 2], ['(the whole file): expected an object {days, hours, timeZone, holidays}']],
    [
      { days: [], hours: 'nine to six', timeZone: 3, holidays: ['2026-02-30', 5] },
      [
        'days: must not be empty',
        'hours: expected a list of intervals {from, to} (got "nine to six")',
        'timeZone: expected a time zone name',
        'holidays.0: not a calendar date "YYYY-MM-DD" (got "2026-02-30")',
        'holidays.1: expected a date "YYYY-MM-DD" (got 5)',
      ],
    ],
    [
      {
        days: [1, 1, 0, 'Mon'],
        hours: [{ from: 540, to: 1500 }, 7, { from: 540, to: 600.5 }, { from: 600, to: 700 }],
        timeZone: 'Europe/Moscow',
      },
      [
        'days.1: this weekday is listed twice (got 1)',
        'days.2: a weekday is 1 (Monday) … 7 (Sunday) (got 0)',
        'days.3: expected a weekday, 1 (Monday) … 7 (Sunday) (got "Mon")',
        'hours.0.to: minutes after midnight are 0 … 1440 (got 1500)',
        'hours.1: expected an interval {from, to} (got 7)',
        'hours.2.to: expected a whole number of minutes after midnight (got 600.5)',
      ],
    ],
    [
      {
        days: [1],
        hours: [
          { from: 540, to: 780 },
          { from: 600, to: 900 },
        ],
        timeZone: 'UTC',
      },
      ['hours.1: overlaps an interval that starts earlier (got {"from":600,"to":900})'],
    ],
    [
      { days: [1], hours: [{ from: 540 }], timeZone: 'UTC' },
      ['hours.0.to: expected a whole number of minutes after midnight (missing)'],
    ],
  ])('refuses a bad working week %#, each problem by its JSON path', (content, messages) => {
    const path = file(content);
    const error = refused(() => workingWeekOption(path));
    expect(error?.code).toBe(2);
    expect(error?.message).toContain(`--working-time ${path}: not a working week`);
    for (const m of messages) expect(error?.message).toContain(`  ${m}`);
  });

  it('names a file that is missing or not JSON', () => {
    const missing = join(dataDir({}), 'none.json');
    expect(refused(() => workingWeekOption(missing))).toEqual({
      code: 2,
      message: `--working-time ${missing}: no such file.`,
    });
    const text = file('days: 1-5');
    expect(refused(() => workingWeekOption(text))?.message).toMatch(
      new RegExp(`^--working-time ${text}: not JSON \\(`),
    );
  });
});
