import ru from '../../../i18n/ru.json';
import { ApiError } from '../../../src/api';
import { isSnoozed, snoozeOf } from '../../../src/core';
import { createTranslate } from '../../../src/i18n';
import { snoozeControlOf, snoozeFieldsCreator } from '../../../src/mount/snoozeControl';
import { DEFAULT_SETTINGS } from '../../../src/state/settings';
import { DEMO_NOW } from '../../support/demo';
import { fakeHost, HOST_ACCOUNT } from '../../support/fakeHost';

const t = createTranslate(ru, 'ru');

describe('snoozing through the host (metrics.md F.6)', () => {
  it('offers nothing until the settings name a date field', () => {
    expect(snoozeControlOf(fakeHost(), () => undefined)).toBeNull();
  });

  it('creates the fields, then writes a mark the lead carries, and refreshes once', async () => {
    const host = fakeHost();
    const made = await snoozeFieldsCreator(
      host,
      t,
    )({
      until: t('fl.settings.snooze.untilName'),
      reason: t('fl.settings.snooze.reasonName'),
    });
    if (!made.ok) throw new Error(`fields not created: ${made.error}`);
    expect([made.until.type, made.reason.type]).toEqual(['date', 'text']);
    const settings = {
      ...DEFAULT_SETTINGS,
      snoozeUntilFieldId: made.until.id,
      snoozeReasonFieldId: made.reason.id,
    };
    let refreshed = 0;
    const control = snoozeControlOf({ ...host, settings }, () => refreshed++)!;
    const lead = HOST_ACCOUNT.leads.find(l => !l.is_deleted)!;
    const until = DEMO_NOW + 7 * 86_400;
    expect(await control.save(lead.id, { until, reason: 'ждёт оплату' })).toEqual({ ok: true });
    expect(refreshed).toBe(1);
    const api = await host.loadApi();
    const read = await api.createClient({ onWait: () => undefined }).getLead(lead.id);
    const mark = snoozeOf(read!, control.fields);
    expect(mark).toEqual({ until, reason: 'ждёт оплату' });
    expect(isSnoozed(mark, DEMO_NOW)).toBe(true);
  });

  it('says a manager may not create fields', async () => {
    const host = fakeHost();
    const asManager = {
      ...host,
      loadApi: async () => {
        const api = await host.loadApi();
        return {
          ...api,
          createWriter: () => ({
            ...api.createWriter(),
            // amoCRM's answer to a non-admin: 403.
            createLeadFields: () =>
              Promise.reject(
                new ApiError('FORBIDDEN', { status: 403, path: '/api/v4/leads/custom_fields' }),
              ),
          }),
        };
      },
    };
    const outcome = await snoozeFieldsCreator(asManager, t)({ until: 'a', reason: 'b' });
    expect(outcome).toEqual({ ok: false, error: 'FORBIDDEN' });
  });
});
