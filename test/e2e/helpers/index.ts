/** Shared e2e helpers: a sandbox + Chromium per test file, page helpers and the probe widget. */
export { allApiLeads, type ApiLead } from './api';
export {
  ARTIFACTS_DIR,
  CHROMIUM_ARGS,
  launchChromium,
  openTrackedPage,
  saveScreenshot,
  type TrackedPage,
} from './browser';
export { chromiumPath } from '../../../scripts/chromium';
export {
  gotoPage,
  hostEvents,
  hostWrites,
  markDocument,
  routerNavigate,
  stillSameDocument,
  waitForPageReady,
  type HostEvent,
  type HostWrite,
  type PageKind,
} from './amoPage';
export { ensureHostBundle } from './hostBundle';
export { editProbeManifest, probeCopy, type ManifestJson } from './probeCopy';
export {
  configureProbe,
  configureProbeOnLoad,
  probeCallSequence,
  PROBE_CODE,
  PROBE_VERSION,
  PROBE_WIDGET_DIR,
  readProbe,
  releaseProbeSave,
  type ProbeCall,
  type ProbeConfig,
  type ProbeEvent,
  type ProbeRecord,
} from './probe';
export {
  startE2ESandbox,
  useSandboxBrowser,
  type E2ESandboxOptions,
  type OpenOptions,
  type SandboxBrowser,
} from './sandbox';
