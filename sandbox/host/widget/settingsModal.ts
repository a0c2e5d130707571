/**
 * The widget's modal in Settings → Integrations: header with `logo_main`, the description (short
 * tags replaced), the manifest fields, then the widget's `settings($modal_body)`. "Save" (or
 * "Install") calls `onSave({ active: 'Y', fields })`, "Disable" `onSave({ active: 'N', fields })`;
 * only true / a Promise of true stores the settings (then the modal closes and `destroy` runs,
 * unless the widget took `data-onsave-destroy-modal` off the Save button).
 *
 * As in amoCRM, nothing is installed while a `required` field is empty: the field is marked and
 * onSave is not called (RU-script_js, «Метод проверки согласия»; the button stays clickable so a
 * widget's own click handler can explain, as that example does). While onSave's Promise is
 * pending nothing is stored and Save/Disable are disabled, so one click is one onSave.
 * The description and the fields sit in `.widget-settings__wrap-desc-space >
 * .widget-settings__desc-space`, amoCRM's own containers, which public widgets (Kommo's React
 * template among them) mount into.
 */
import { html, must, setHtml, trusted } from '../dom';
import { Modal } from '../modal';
import { widgetSettingsSchema, type HostBoot, type StoredWidgetSettings } from '../protocol';
import type { Translate } from '../strings';
import type { WidgetEnv } from './env';
import type { WidgetInstance, WidgetRuntime } from './runtime';
import { fieldsMarkup, missingRequired, readFields, storableFields } from './settingsFields';

export interface SettingsModalDeps {
  readonly env: WidgetEnv;
  readonly runtime: WidgetRuntime;
  readonly boot: HostBoot;
  readonly t: Translate;
  readonly onStored: () => void;
}

function shortTags(text: string, boot: HostBoot): string {
  const tags: Readonly<Record<string, string>> = {
    '#HOST#': window.location.host,
    '#SUBDOMAIN#': boot.account.subdomain,
    '#LOGIN#': boot.user.email,
    '#API_HASH#': `sandbox-${boot.user.id}`,
    '#ACCOUNT_ID#': String(boot.account.id),
    '#USER_ID#': String(boot.user.id),
    '#TOP_LEVEL_DOMAIN#': 'ru',
  };
  return text.replace(/#[A-Z_]+#/g, tag => tags[tag] ?? tag);
}

async function store(code: string, settings: StoredWidgetSettings): Promise<StoredWidgetSettings> {
  const response = await fetch(`/_sandbox/widget-settings?code=${encodeURIComponent(code)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(settings),
  });
  if (!response.ok) throw new Error(`saving settings: HTTP ${response.status}`);
  return widgetSettingsSchema.parse(await response.json());
}

export async function openSettingsModal(deps: SettingsModalDeps): Promise<Modal> {
  const { env, runtime, boot, t } = deps;
  const manifest = env.manifest;
  const [name, description, ...fieldTitles] = await Promise.all([
    env.text(manifest.widget.name),
    env.text(manifest.widget.description),
    ...Object.values(manifest.settings ?? {}).map(field => env.text(field.name)),
  ]);
  const titles = Object.fromEntries(
    Object.keys(manifest.settings ?? {}).map((key, index) => [key, fieldTitles[index] ?? key]),
  );
  const status = env.installStatus();
  const statusText = {
    installed: t('installed'),
    install: t('notInstalled'),
    not_configured: t('notConfigured'),
  }[status];
  const logo = `${env.path}/images/logo_main.png?v=${encodeURIComponent(env.version)}`;
  let instance: WidgetInstance | null = null;

  const modal = new Modal({
    class_name: 'modal-list widget-settings',
    init: $body => {
      const body = $body.get(0);
      if (body === undefined) return;
      setHtml(
        body,
        html`<div class="widget-settings__modal ${env.code}" data-widget-code="${env.code}">
          <div class="widget-settings__header">
            <img class="widget-settings__logo" src="${logo}" alt="" />
            <div class="widget-settings__heading">
              <h2 class="widget-settings__name">${name}</h2>
              <span class="widget-settings__status widget-settings__status--${status}"
                >${statusText}</span
              >
            </div>
            <span class="modal-body__close" role="button" aria-label="close">×</span>
          </div>
          <div class="widget-settings__wrap-desc-space">
            <div class="widget-settings__desc-space">
              <div class="widget-settings__desc">${trusted(shortTags(description, boot))}</div>
              <div class="widget_settings_block" id="widget_settings_block_${env.code}">
                <form class="widget_settings_block__fields" onsubmit="return false">
                  ${fieldsMarkup(env.code, manifest, titles, env.settings.fields, boot, t)}
                </form>
              </div>
            </div>
          </div>
          <div class="widget-settings__footer">
            <button
              type="button"
              data-onsave-destroy-modal="true"
              class="button-input button-input_blue js-widget-save js-widget-install"
            >
              ${env.active ? t('save') : t('install')}
            </button>
            ${env.active ? html`<button type="button" class="button-input js-widget-disable">${t('disable')}</button>` : ''}
            <button type="button" class="button-input button-cancel">${t('cancel')}</button>
          </div>
        </div>`,
      );
      $body.trigger('modal:loaded');
    },
    destroy: () => {
      runtime.closeSettings(instance);
    },
  });

  const root = must('.widget-settings__modal', modal.$modal_body.get(0));
  const actions = [
    ...root.querySelectorAll<HTMLButtonElement>('.js-widget-save, .js-widget-disable'),
  ];
  let busy = false;
  const setBusy = (value: boolean): void => {
    busy = value;
    for (const button of actions) {
      button.disabled = value;
      button.classList.toggle('button-input-disabled', value);
    }
  };
  const markMissing = (names: readonly string[]): void => {
    for (const block of root.querySelectorAll<HTMLElement>('[data-field]')) {
      const missing = names.includes(block.dataset.field ?? '');
      block.classList.toggle('widget_settings_block__item_field_error', missing);
      for (const input of block.querySelectorAll('input')) {
        // Only the page's own inputs: what the widget drew into a custom field is its own.
        if (input.closest('.widget_settings_block__custom')) continue;
        if (missing) input.setAttribute('aria-invalid', 'true');
        else input.removeAttribute('aria-invalid');
      }
      block.querySelector('.widget_settings_block__error')?.remove();
      if (missing) {
        const note = document.createElement('div');
        note.className = 'widget_settings_block__error';
        note.setAttribute('role', 'alert');
        note.textContent = t('requiredField');
        block.appendChild(note);
      }
    }
  };

  const submit = async (active: 'Y' | 'N', button: HTMLButtonElement): Promise<void> => {
    if (busy) return;
    const fields = readFields(must('form', root), manifest);
    // Turning the widget off is never blocked by an empty field.
    const missing = active === 'Y' ? missingRequired(manifest, fields) : [];
    markMissing(missing);
    if (missing.length > 0) {
      root.dataset.saveState = 'incomplete';
      root.dataset.missing = missing.join(' ');
      return;
    }
    delete root.dataset.missing;
    root.dataset.saveState = 'pending';
    setBusy(true);
    try {
      const allowed = await runtime.save(instance, { active, fields });
      if (!modal.isOpen) return; // closed while onSave was thinking: nothing to store
      if (!allowed) {
        root.dataset.saveState = 'refused';
        return;
      }
      env.applySettings(
        await store(env.code, { active, fields: storableFields(manifest, fields) }),
      );
    } catch (error) {
      root.dataset.saveState = 'failed';
      console.error('[sandbox] could not store the widget settings', error);
      return;
    } finally {
      setBusy(false);
    }
    root.dataset.saveState = 'saved';
    deps.onStored();
    // amoCRM's Save button carries data-onsave-destroy-modal="true"; widgets that keep their modal
    // open after saving remove it or set it to false (public widgets, Kommo's React template).
    const closes = (button.getAttribute('data-onsave-destroy-modal') ?? 'false') !== 'false';
    if (active === 'N' || closes) modal.destroy();
  };
  for (const button of actions) {
    const active = button.classList.contains('js-widget-disable') ? 'N' : 'Y';
    button.addEventListener('click', () => void submit(active, button));
  }

  // Even before installation: `custom` fields need the widget's own code to fill them in.
  instance = await runtime.openSettings(modal.$modal_body, built => {
    instance = built;
  });
  if (!modal.isOpen) runtime.closeSettings(instance);
  root.dataset.ready = 'true';
  return modal;
}
