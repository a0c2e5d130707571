/**
 * The whole sandbox in one call — demo account, API emulator, host pages — as `npm start` and the
 * e2e tests run it.
 */
import { DEMO_DEFAULT_LEADS, DEMO_DEFAULT_SEED, generateDemoAccount } from '../../demo';
import type { DemoAccount } from '../../demo/types';
import type { HostLang } from '../../host/protocol';
import { startSandbox, type RunningSandbox, type StartSandboxOptions } from '../app';
import { createHostPlugin, type HostPluginOptions } from './plugin';
import type { WidgetSettingsStore } from './settingsStore';

export interface DemoSpec {
  readonly seed?: number;
  readonly leads?: number;
  /** The demo's "today", epoch seconds; default now. */
  readonly now?: number;
  /** The account's language and currency; default ru (amoCRM mode) or en (Kommo mode). */
  readonly lang?: HostLang;
}

export interface StartHostSandboxOptions
  extends HostPluginOptions, Omit<StartSandboxOptions, 'account' | 'plugins'> {
  /** A ready account, or how to generate one (default: the sandbox's demo as of now). */
  readonly account?: DemoAccount;
  readonly demo?: DemoSpec;
}

export interface RunningHostSandbox extends RunningSandbox {
  /**
   * The origin to open the pages at: `url` in amoCRM mode; in Kommo mode the same server as
   * http://<subdomain>.kommo.localhost:<port>, so the page's host name says Kommo as a real Kommo
   * account's does (browsers resolve *.localhost to the loopback address). `url` stays the
   * 127.0.0.1 address for API calls from Node, which does not resolve *.localhost everywhere.
   */
  readonly pageUrl: string;
  readonly widgetCode: string;
  readonly widgetDir: string;
  readonly settings: WidgetSettingsStore;
  /** The main pipeline's leads list, the page to open first. */
  readonly leadsUrl: string;
}

export function demoAccount(spec: DemoSpec = {}): DemoAccount {
  return generateDemoAccount({
    seed: spec.seed ?? DEMO_DEFAULT_SEED,
    leads: spec.leads ?? DEMO_DEFAULT_LEADS,
    now: spec.now ?? Math.floor(Date.now() / 1000),
    ...(spec.lang !== undefined && { lang: spec.lang }),
  });
}

export function mainPipeline(account: DemoAccount) {
  const pipeline = account.pipelines.find(item => item.is_main) ?? account.pipelines[0];
  if (pipeline === undefined) throw new Error('the demo account has no pipelines');
  return pipeline;
}

export async function startHostSandbox(
  options: StartHostSandboxOptions = {},
): Promise<RunningHostSandbox> {
  const {
    account: given,
    demo,
    widgetDir,
    widgetCode,
    hostBundleDir,
    settings,
    platform,
    ...rest
  } = options;
  const lang = demo?.lang ?? (platform === 'kommo' ? 'en' : 'ru');
  const account = given ?? demoAccount({ ...demo, lang });
  const host = createHostPlugin({
    ...(platform !== undefined && { platform }),
    ...(widgetDir !== undefined && { widgetDir }),
    ...(widgetCode !== undefined && { widgetCode }),
    ...(hostBundleDir !== undefined && { hostBundleDir }),
    ...(settings !== undefined && { settings }),
  });
  const running = await startSandbox({ ...rest, account, plugins: [host.plugin] });
  const pageUrl =
    platform === 'kommo'
      ? `http://${account.account.subdomain}.kommo.localhost:${new URL(running.url).port}`
      : running.url;
  return {
    ...running,
    pageUrl,
    widgetCode: host.widgetCode,
    widgetDir: host.widgetDir,
    settings: host.settings,
    leadsUrl: `${pageUrl}/leads/list/pipeline/${mainPipeline(account).id}/`,
  };
}
