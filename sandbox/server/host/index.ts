/** The sandbox's amoCRM interface (host pages + widget files): public surface. */
export {
  createHostPlugin,
  DEFAULT_WIDGET_DIR,
  LANG_COOKIE,
  SHELL_PATHS,
  type HostPlugin,
  type HostPluginOptions,
} from './plugin';
export {
  demoAccount,
  mainPipeline,
  startHostSandbox,
  type DemoSpec,
  type RunningHostSandbox,
  type StartHostSandboxOptions,
} from './start';
export { WidgetSettingsStore } from './settingsStore';
export { checkWidgetDir, readManifest, WidgetDirError } from './manifest';
export { DEFAULT_HOST_BUNDLE_DIR, REPO_ROOT } from './files';
export { parseStartArgs, START_USAGE, type StartArgs, type StartArgsResult } from './startArgs';
