import type { I18nKey } from '../../i18n';
import type { VNode } from 'preact';
import { useId } from 'preact/hooks';
import type { CountingMode } from '../../core';
import type { ReportModel } from '../../state';
import { useEnv } from '../env';

export interface Props {
  readonly report: ReportModel;
}

const MODES: readonly { readonly mode: CountingMode; readonly label: I18nKey }[] = [
  { mode: 'created', label: 'fl.report.mode.created' },
  { mode: 'closed', label: 'fl.report.mode.closed' },
  { mode: 'entered', label: 'fl.report.mode.entered' },
];

/**
 * How the report counts (metrics.md extensions, "Counting modes") and whether it also shows
 * money. Native radio groups: a legend names each, arrow keys move within it, Tab leaves it.
 */
export function CountingSwitches({ report }: Props): VNode {
  const { t } = useEnv();
  const id = useId();
  const mode = report.mode.value;
  const money = report.money.value;
  return (
    <>
      <fieldset class="fl-report__control fl-report__switch">
        <legend>{t('fl.report.mode.label')}</legend>
        {MODES.map(m => (
          <label key={m.mode}>
            <input
              type="radio"
              name={`${id}-mode`}
              value={m.mode}
              checked={mode === m.mode}
              onChange={() => report.setMode(m.mode)}
            />
            {t(m.label)}
          </label>
        ))}
      </fieldset>
      <fieldset class="fl-report__control fl-report__switch">
        <legend>{t('fl.report.money.label')}</legend>
        <label>
          <input
            type="radio"
            name={`${id}-money`}
            value="counts"
            checked={!money}
            onChange={() => report.setMoney(false)}
          />
          {t('fl.report.money.counts')}
        </label>
        <label>
          <input
            type="radio"
            name={`${id}-money`}
            value="money"
            checked={money}
            onChange={() => report.setMoney(true)}
          />
          {t('fl.report.money.money')}
        </label>
      </fieldset>
      {/* Only where the admin set a working week (metrics.md F.1). */}
      {report.workingAvailable.value && (
        <label
          class="fl-report__control fl-check fl-working-switch"
          title={t('fl.working.switchHint')}
        >
          <input
            type="checkbox"
            checked={report.working.value}
            aria-describedby={`${id}-working`}
            onChange={e => report.setWorking(e.currentTarget.checked)}
          />
          {t('fl.working.switch')}
          <span class="fl-sr-only" id={`${id}-working`}>
            {t('fl.working.switchHint')}
          </span>
        </label>
      )}
    </>
  );
}
