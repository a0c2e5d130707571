/**
 * The whole sandbox in one call — demo account, API emulator, host pages — as `npm start` and the
 * e2e tests run it.
 */
import { DEMO_DEFAULT_LEADS, DEMO_DEFAULT_SEED, generateDemoAccount } from '../../demo';
import type { DemoAccount } from '../../demo/types';
import { startSandbox, type RunningSandbox, type StartSandboxOptions } from '../app';
import { createHostPlugin, type HostPluginOptions } from './plugin';
import type { WidgetSettingsStore } from './settingsStore';

export interface DemoSpec {
  readonly seed?: number;
  readonly leads?: number;
  /** The demo's "today", epoch seconds; default now. */
  readonly now?: number;
}

export interface StartHostSandboxOptions
  extends HostPluginOptions, Omit<StartSandboxOptions, 'account' | 'plugins'> {
  /** A ready account, or how to generate one (default: the sandbox's demo as of now). */
  readonly account?: DemoAccount;
  readonly demo?: DemoSpec;
}

export interface RunningHostSandbox extends RunningSandbox {
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
  const { account: given, demo, widgetDir, widgetCode, hostBundleDir, settings, ...rest } = options;
  const account = given ?? demoAccount(demo);
  const host = createHostPlugin({
    ...(widgetDir !== undefined && { widgetDir }),
    ...(widgetCode !== undefined && { widgetCode }),
    ...(hostBundleDir !== undefined && { hostBundleDir }),
    ...(settings !== undefined && { settings }),
  });
  const running = await startSandbox({ ...rest, account, plugins: [host.plugin] });
  return {
    ...running,
    widgetCode: host.widgetCode,
    widgetDir: host.widgetDir,
    settings: host.settings,
    leadsUrl: `${running.url}/leads/list/pipeline/${mainPipeline(account).id}/`,
  };
}
