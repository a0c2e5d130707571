import type { Signal } from '@preact/signals-core';
import type { VNode } from 'preact';
import { useMemo } from 'preact/hooks';
import { parseSettings } from '../state';
import { ErrorBanner, loadSettingsForm, useEnv } from '../ui';
import type { Host } from './host';
import { snoozeFieldsCreator } from './snoozeControl';
import { settingsHints } from './snapshotHints';
import { useChunk } from './useChunk';
import { useOnce } from './useOnce';

export interface Props {
  readonly host: Host;
  /** amoCRM's hidden `custom` field: what it holds is what amoCRM saves. */
  readonly input: HTMLInputElement;
  readonly valid: Signal<boolean>;
  readonly refused: Signal<boolean>;
  /** Counts refused saves: each one sends focus to the first invalid field. */
  readonly refusals?: Signal<number>;
  /** Set when amoCRM was told the settings may be saved; a later change clears it. */
  readonly saved: Signal<boolean>;
}

/** The settings form over the account's pipelines, writing valid settings to amoCRM's field. */
export function SettingsRoot({ host, input, valid, refused, refusals, saved }: Props): VNode {
  const { t, support } = useEnv();
  const { state, retry } = useOnce(host, (client, signal) => client.getPipelines({ signal }), null);
  const form = useChunk(loadSettingsForm);
  // For the source and snooze fields' lists; the form works without it (a failed read leaves
  // the lists empty).
  const fields = useOnce(
    host,
    async (client, signal) =>
      (await client.getLeadCustomFields({ signal })).map(f => ({
        id: f.id,
        name: f.name,
        type: f.type,
      })),
    null,
  ).state;
  const createSnoozeFields = useMemo(() => snoozeFieldsCreator(host, t), [host, t]);
  // What amoCRM saved last (the field's value), else what the widget runs with.
  const initial = useMemo(() => {
    const saved = parseSettings(input.value);
    return saved.ok ? saved.settings : host.settings;
  }, [host, input]);

  const { learned, departures } = useMemo(
    () => settingsHints(host, state.status === 'ok' ? state.value : []),
    [host, state],
  );

  if (state.status === 'error') return <ErrorBanner error={state.error} onRetry={retry} />;
  if (form.failed)
    return (
      <div class="fl-error" role="alert">
        <p class="fl-error__text">{t('fl.settings.chunkFailed')}</p>
        <button type="button" class="fl-error__retry" onClick={form.retry}>
          {t('fl.common.retry')}
        </button>
      </div>
    );
  const SettingsForm = form.value;
  if (state.status === 'loading' || !SettingsForm)
    return <p class="fl-muted">{t('fl.settings.loading')}</p>;
  return (
    <div class="fl-settings-root">
      {refused.value && !valid.value && (
        <p class="fl-error" role="alert">
          {t('fl.settings.refused')}
        </p>
      )}
      {saved.value && (
        <p class="fl-settings__saved" role="status">
          {t('fl.settings.saved')}
        </p>
      )}
      <SettingsForm
        value={initial}
        pipelines={state.value}
        fields={fields.status === 'ok' ? fields.value : null}
        createSnoozeFields={createSnoozeFields}
        learned={learned}
        departures={departures}
        refusals={refusals?.value}
        onChange={next => {
          saved.value = false;
          if ('invalid' in next) {
            valid.value = false;
            return;
          }
          valid.value = true;
          refused.value = false;
          input.value = JSON.stringify(next.settings);
          input.dispatchEvent(new Event('change', { bubbles: true }));
        }}
      />
      {support && (
        // Both marketplaces ask for the privacy policy and the publisher's support to be at hand.
        <p class="fl-settings__links">
          <a href={support.privacyLink} target="_blank" rel="noopener noreferrer">
            {t('fl.settings.privacy')}
          </a>
          {' · '}
          <a href={support.supportLink} target="_blank" rel="noopener noreferrer">
            {t('fl.settings.support')}
          </a>
          {' · '}
          <a href={`mailto:${support.supportEmail}`}>{support.supportEmail}</a>
        </p>
      )}
    </div>
  );
}
