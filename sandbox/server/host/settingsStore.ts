/**
 * Saved widget settings, per widget code, kept in memory for the life of the sandbox: what the
 * integrations modal stores after a successful `onSave` and what `get_settings()` returns on every
 * later page. A widget starts installed and active with no fields, so it runs in its areas from
 * the first page load, as a freshly installed widget does.
 * - `GET /_sandbox/widget-settings[?code=]` → `{ widget_code, active, fields }`;
 * - `POST /_sandbox/widget-settings[?code=]` `{ active?, fields? }` → replaces them (the modal's
 *   Save, and tests);
 * - `DELETE /_sandbox/widget-settings[?code=]` → back to the default.
 * Like amoCRM, an active widget is not stored with a `required` manifest field empty (422, the
 * fields named): the modal refuses first, this keeps a test or script from storing what amoCRM
 * never would (Kommo "Installing the widget into the account": mandatory settings must be passed).
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isEmptySetting, settingValueSchema, type StoredWidgetSettings } from '../../host/protocol';
import { sendProblem, sendZodProblem } from '../problem';
import { queryOf } from '../query';

const DEFAULT_SETTINGS: StoredWidgetSettings = { active: 'Y', fields: {} };

const updateSchema = z.strictObject({
  active: z.enum(['Y', 'N']).optional(),
  fields: z.record(z.string(), settingValueSchema).optional(),
});

export class WidgetSettingsStore {
  private readonly saved = new Map<string, StoredWidgetSettings>();

  get(code: string): StoredWidgetSettings {
    return structuredClone(this.saved.get(code) ?? DEFAULT_SETTINGS);
  }

  set(code: string, settings: StoredWidgetSettings): StoredWidgetSettings {
    this.saved.set(code, structuredClone(settings));
    return this.get(code);
  }

  reset(code: string): void {
    this.saved.delete(code);
  }
}

const CODE_PATTERN = /^[a-z0-9_]+$/i;

export function registerSettingsRoutes(
  app: FastifyInstance,
  store: WidgetSettingsStore,
  servedCode: string,
  /** The served widget's `required` field codes (its manifest, read when asked). */
  requiredFields: () => readonly string[] = () => [],
): void {
  const codeOf = (query: unknown): string | undefined => {
    const code = queryOf({ query }).code ?? servedCode;
    return typeof code === 'string' && CODE_PATTERN.test(code) ? code : undefined;
  };
  const badCode = 'code must be a widget code (letters, digits, underscores)';

  app.get('/_sandbox/widget-settings', (request, reply) => {
    const code = codeOf(request.query);
    if (code === undefined) return sendProblem(reply, 400, badCode);
    return reply
      .header('Cache-Control', 'no-store')
      .send({ widget_code: code, ...store.get(code) });
  });

  app.post('/_sandbox/widget-settings', (request, reply) => {
    const code = codeOf(request.query);
    if (code === undefined) return sendProblem(reply, 400, badCode);
    const parsed = updateSchema.safeParse(request.body ?? {});
    if (!parsed.success) return sendZodProblem(reply, parsed.error);
    const current = store.get(code);
    const wanted: StoredWidgetSettings = {
      active: parsed.data.active ?? current.active,
      fields: parsed.data.fields ?? current.fields,
    };
    if (code === servedCode && wanted.active === 'Y') {
      const missing = requiredFields().filter(name => isEmptySetting(wanted.fields[name]));
      if (missing.length > 0) {
        return sendProblem(reply, 422, `required settings are empty: ${missing.join(', ')}`);
      }
    }
    return reply.send({ widget_code: code, ...store.set(code, wanted) });
  });

  app.delete('/_sandbox/widget-settings', (request, reply) => {
    const code = codeOf(request.query);
    if (code === undefined) return sendProblem(reply, 400, badCode);
    store.reset(code);
    return reply.send({ widget_code: code, ...store.get(code) });
  });
}
