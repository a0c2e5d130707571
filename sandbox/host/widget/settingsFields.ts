/**
 * The manifest's settings fields as amoCRM draws them in the widget modal (reference §2.3), and
 * reading them back for `onSave({ active, fields })`. A `custom` field is a hidden input
 * `#<code>_custom` (name = field code) plus an empty `div#<code>_custom_content` for the widget.
 */
import { html, type Html } from '../dom';
import { isEmptySetting } from '../protocol';
import type { HostBoot, SettingValue, WidgetManifest } from '../protocol';
import type { Translate } from '../strings';

type Field = NonNullable<WidgetManifest['settings']>[string];

function savedText(value: SettingValue | undefined): string {
  if (value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function userValue(value: SettingValue | undefined, userId: number, part?: string): string {
  if (typeof value !== 'object') return '';
  const entry = value[String(userId)];
  if (part === undefined) return typeof entry === 'string' ? entry : '';
  return typeof entry === 'object' ? (entry[part] ?? '') : '';
}

export function fieldsMarkup(
  code: string,
  manifest: WidgetManifest,
  titles: Readonly<Record<string, string>>,
  saved: Readonly<Record<string, SettingValue>>,
  boot: HostBoot,
  t: Translate,
): Html[] {
  return Object.entries(manifest.settings ?? {}).map(([name, field]: [string, Field]) => {
    const title = html`<div class="widget_settings_block__title_field">
      ${titles[name] ?? name}${field.required === true ? html`<span class="required">*</span>` : ''}
    </div>`;
    const value = saved[name];
    switch (field.type) {
      case 'text':
      case 'pass':
        return html`<div class="widget_settings_block__item_field" data-field="${name}">
          ${title}
          <input
            class="widget_settings_block__controls_input"
            name="${name}"
            type="${field.type === 'pass' ? 'password' : 'text'}"
            value="${savedText(value)}"
          />
        </div>`;
      case 'custom':
        return html`<div class="widget_settings_block__item_field" data-field="${name}">
          ${title}
          <input type="hidden" name="${name}" id="${code}_custom" value="${savedText(value)}" />
          <div id="${code}_custom_content" class="widget_settings_block__custom"></div>
        </div>`;
      case 'users':
      case 'users_lp':
        return html`<div class="widget_settings_block__item_field" data-field="${name}">
          ${title}
          ${boot.users.map(
            user =>
              html`<label class="widget_settings_block__user">
                <span>${user.name}</span>
                ${
                  field.type === 'users'
                    ? html`<input
                        type="text"
                        data-user="${user.id}"
                        value="${userValue(value, user.id)}"
                      />`
                    : html`<input
                          type="text"
                          data-user="${user.id}"
                          data-part="login"
                          placeholder="login"
                          value="${userValue(value, user.id, 'login')}"
                        />
                        <input
                          type="password"
                          data-user="${user.id}"
                          data-part="password"
                          placeholder="${t('users')}"
                          value="${userValue(value, user.id, 'password')}"
                        />`
                }
              </label>`,
          )}
        </div>`;
    }
  });
}

/** The form's values keyed by field code, as `onSave` receives them. */
export function readFields(
  form: HTMLElement,
  manifest: WidgetManifest,
): Record<string, SettingValue> {
  const fields: Record<string, SettingValue> = {};
  for (const [name, field] of Object.entries(manifest.settings ?? {})) {
    const block = form.querySelector<HTMLElement>(`[data-field="${CSS.escape(name)}"]`);
    if (block === null) continue;
    if (field.type === 'users' || field.type === 'users_lp') {
      const perUser: Record<string, string | Record<string, string>> = {};
      for (const input of block.querySelectorAll<HTMLInputElement>('input[data-user]')) {
        const user = input.dataset.user ?? '';
        const part = input.dataset.part;
        if (part === undefined) perUser[user] = input.value;
        else {
          const entry = perUser[user];
          perUser[user] = { ...(typeof entry === 'object' ? entry : {}), [part]: input.value };
        }
      }
      fields[name] = perUser;
    } else {
      fields[name] =
        block.querySelector<HTMLInputElement>(`input[name="${CSS.escape(name)}"]`)?.value ?? '';
    }
  }
  return fields;
}

/**
 * What amoCRM keeps of the submitted fields: a `custom` value must be JSON or a number — a plain
 * string is silently not saved (reference §2.3).
 */
export function storableFields(
  manifest: WidgetManifest,
  fields: Readonly<Record<string, SettingValue>>,
): Record<string, SettingValue> {
  const kept: Record<string, SettingValue> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (manifest.settings?.[name]?.type === 'custom' && typeof value === 'string') {
      try {
        JSON.parse(value);
      } catch {
        console.warn(
          `[sandbox] custom setting "${name}" is not JSON or a number; amoCRM does not save it`,
        );
        continue;
      }
    }
    kept[name] = value;
  }
  return kept;
}

/**
 * The `required: true` fields left empty. amoCRM does not install or save the widget while one
 * is (RU-script_js, «Метод проверки согласия»: "При нажатии на «Установить» установка не
 * произойдёт, так как это поле является незаполненным").
 */
export function missingRequired(
  manifest: WidgetManifest,
  fields: Readonly<Record<string, SettingValue>>,
): string[] {
  return Object.entries(manifest.settings ?? {})
    .filter(([name, field]) => field.required === true && isEmptySetting(fields[name]))
    .map(([name]) => name);
}
