/** A UiEnv for component tests: the real Russian or English messages and formats, a fixed clock. */
import type { ComponentChildren, VNode } from 'preact';
import ru from '../../i18n/ru.json';
import en from '../../i18n/en.json';
import es from '../../i18n/es.json';
import pt from '../../i18n/pt.json';
import tr from '../../i18n/tr.json';
import id from '../../i18n/id.json';
import { createTranslate } from '../../src/i18n';
import type { Lang } from '../../src/i18n';
import { buildStageListUrl, EnvContext } from '../../src/ui/env';
import type { UiEnv } from '../../src/ui/env';
import { createFormatters } from '../../src/ui/format';
import { DEMO_NOW } from './demo';

const MESSAGES: Readonly<Record<Lang, unknown>> = { ru, en, es, pt, tr, id };

export function testEnv(
  over: Partial<UiEnv> & { lang?: Lang } = {},
): UiEnv & { navigated: string[] } {
  const lang = over.lang ?? 'ru';
  const navigated: string[] = [];
  const managers = over.managers ?? [
    { id: 1, name: 'Анна Руководитель' },
    { id: 2, name: 'Игорь Волков' },
  ];
  const t = createTranslate(MESSAGES[lang], lang);
  return {
    t,
    fmt: createFormatters(lang, 'Europe/Moscow', 'RUB'),
    timeZone: 'Europe/Moscow',
    managers,
    userName: id =>
      id === null
        ? t('fl.common.managers.none')
        : (managers.find(m => m.id === id)?.name ?? `#${id}`),
    leadUrl: id => `/leads/detail/${id}`,
    stageListUrl: buildStageListUrl,
    navigate: url => navigated.push(url),
    clock: () => DEMO_NOW * 1000,
    support: null,
    navigated,
    ...over,
  };
}

export function WithEnv({ env, children }: { env: UiEnv; children: ComponentChildren }): VNode {
  return <EnvContext.Provider value={env}>{children}</EnvContext.Provider>;
}
