/** The local amoCRM API v4 emulator: public surface for `npm start`, the CLI and the tests. */
export {
  createSandboxApp,
  startSandbox,
  DEFAULT_HOST,
  DEFAULT_PORT,
  type RunningSandbox,
  type SandboxAppOptions,
  type StartSandboxOptions,
} from './app';
export {
  createSandboxContext,
  DEFAULT_TOKEN,
  systemClock,
  type SandboxContextOptions,
} from './context';
export { createApiPlugin, API_PREFIX } from './plugin';
export { authenticate, adminUser, type AuthResult } from './auth';
export {
  FAULT_PRESETS,
  FAULT_PRESET_NAMES,
  isFaultPresetName,
  resolveFaultSetting,
  type FaultConfig,
  type FaultConfigInput,
  type FaultPresetName,
  type FaultSetting,
} from './faults/config';
export { FaultController, type FaultSnapshot } from './faults/state';
export { DEFAULT_RATE_LIMIT, RateLimiter, type RateLimitOptions } from './rateLimit';
export { RequestStats, statsPath, type StatsSnapshot } from './stats';
export { SESSION_COOKIE, SessionStore, parseCookies, type Session } from './sessions';
export type { Clock, SandboxContext, SandboxPlugin, SandboxPluginOptions } from './types';
