import type { Translate } from '../i18n';
import type { SnoozeControl } from '../state';
import { createSnoozeControl, snoozeFieldsOf } from '../state';
import type { CreateSnoozeFields } from '../ui';
import type { Host } from './host';

/**
 * Snoozing from this page (metrics.md F.6), or null until the admin chose the fields. The API's
 * code is fetched on the first write only: most visits never write.
 */
export function snoozeControlOf(host: Host, afterWrite: () => void): SnoozeControl | null {
  const fields = snoozeFieldsOf(host.settings);
  if (!fields) return null;
  return createSnoozeControl({
    fields,
    user: { id: host.user.id, isAdmin: host.user.isAdmin, leadsEdit: host.user.leadsEdit ?? null },
    writer: () => host.loadApi().then(api => api.createWriter()),
    afterWrite,
  });
}

/**
 * The settings' «Создать поля» (metrics.md F.6): the date and text fields, created in one request
 * (administrators only: amoCRM refuses others with 403, said as such).
 */
export function snoozeFieldsCreator(host: Host, t: Translate): CreateSnoozeFields {
  return async names => {
    try {
      const api = await host.loadApi();
      try {
        const [until, reason] = await api.createWriter().createLeadFields([
          { name: names.until, type: 'date' },
          { name: names.reason, type: 'text' },
        ]);
        if (!until || !reason) return { ok: false, error: 'FAILED' };
        return { ok: true, until, reason };
      } catch (error) {
        const e = api.toApiError(error);
        if (e.code === 'FORBIDDEN') return { ok: false, error: 'FORBIDDEN' };
        return {
          ok: false,
          error: 'FAILED',
          detail: t(`fl.errors.${e.code}`, { path: e.path ?? '' }),
        };
      }
    } catch {
      return { ok: false, error: 'FAILED', detail: t('fl.errors.NETWORK') };
    }
  };
}
