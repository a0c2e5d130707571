import type { Signal } from '@preact/signals-core';
import type { VNode } from 'preact';
import { useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { toApiError } from '../api';
import type { ApiError } from '../api';
import type { Pipeline } from '../core';
import { parseSettings } from '../state';
import { ErrorBanner } from '../ui';
import { useEnv } from '../ui';
import { SettingsForm } from '../ui';
import type { Host } from './host';

export interface Props {
  readonly host: Host;
  /** amoCRM's hidden `custom` field: what it holds is what amoCRM saves. */
  readonly input: HTMLInputElement;
  readonly valid: Signal<boolean>;
  readonly refused: Signal<boolean>;
}

/** The settings form over the account's pipelines, writing valid settings to amoCRM's field. */
export function SettingsRoot({ host, input, valid, refused }: Props): VNode {
  const { t } = useEnv();
  const client = useMemo(() => host.createClient({ onWait: () => undefined }), [host]);
  const [pipelines, setPipelines] = useState<readonly Pipeline[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);
  // What amoCRM saved last (the field's value), else what the widget runs with.
  const initial = useMemo(() => {
    const saved = parseSettings(input.value);
    return saved.ok ? saved.settings : host.settings;
  }, [host, input]);

  useLayoutEffect(() => {
    const abort = new AbortController();
    setError(null);
    client.getPipelines({ signal: abort.signal }).then(
      list => {
        if (!abort.signal.aborted) setPipelines(list);
      },
      (e: unknown) => {
        if (!abort.signal.aborted) setError(toApiError(e));
      },
    );
    return () => abort.abort();
  }, [client, attempt]);

  if (error) return <ErrorBanner error={error} onRetry={() => setAttempt(a => a + 1)} />;
  if (!pipelines) return <p class="fl-muted">{t('fl.settings.loading')}</p>;
  return (
    <div class="fl-settings-root">
      {refused.value && !valid.value && (
        <p class="fl-error" role="alert">
          {t('fl.settings.refused')}
        </p>
      )}
      <SettingsForm
        value={initial}
        pipelines={pipelines}
        onChange={next => {
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
    </div>
  );
}
