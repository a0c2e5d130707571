/**
 * A temporary copy of the probe widget whose manifest a test can edit. The host reads the manifest
 * on every page load, so one sandbox serves each variant (init_once, locations …) in turn.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROBE_WIDGET_DIR } from './probe';

export type ManifestJson = { widget: Record<string, unknown> } & Record<string, unknown>;

/** Rewrites `<dir>/manifest.json` from the probe's original manifest. */
export function editProbeManifest(
  dir: string,
  edit: (manifest: ManifestJson) => ManifestJson,
): void {
  const original = JSON.parse(
    readFileSync(path.join(PROBE_WIDGET_DIR, 'manifest.json'), 'utf8'),
  ) as ManifestJson;
  writeFileSync(path.join(dir, 'manifest.json'), `${JSON.stringify(edit(original), null, 2)}\n`);
}

export function probeCopy(
  edit: (manifest: ManifestJson) => ManifestJson = manifest => manifest,
): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'probe-widget-'));
  cpSync(PROBE_WIDGET_DIR, dir, { recursive: true });
  editProbeManifest(dir, edit);
  return dir;
}
