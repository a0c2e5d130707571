/** A temporary copy of the probe widget with an edited manifest (init_once, locations, code …). */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROBE_WIDGET_DIR } from './probe';

export type ManifestJson = { widget: Record<string, unknown> } & Record<string, unknown>;

export function probeCopy(edit: (manifest: ManifestJson) => ManifestJson): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'probe-widget-'));
  cpSync(PROBE_WIDGET_DIR, dir, { recursive: true });
  const file = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as ManifestJson;
  writeFileSync(file, `${JSON.stringify(edit(manifest), null, 2)}\n`);
  return dir;
}
