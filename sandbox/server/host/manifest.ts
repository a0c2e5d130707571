/**
 * The widget directory the host serves (dist/widget by default, the probe in tests): its manifest,
 * read again on every page load so a rebuilt widget (new version) is picked up without a restart.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { assignWidgetCode, manifestSchema, type WidgetManifest } from '../../host/protocol';

export class WidgetDirError extends Error {
  override readonly name = 'WidgetDirError';
}

export type ManifestResult =
  | { readonly ok: true; readonly manifest: WidgetManifest }
  | { readonly ok: false; readonly error: string };

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map(issue => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}

export function readManifest(widgetDir: string): ManifestResult {
  const file = path.join(widgetDir, 'manifest.json');
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `cannot read ${file}: ${reason}` };
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      error: `${file} is not a widget manifest: ${describeIssues(parsed.error)}`,
    };
  }
  return { ok: true, manifest: parsed.data };
}

/**
 * Checks the directory once at start, so a wrong `--widget-dir` fails with a clear message instead
 * of an empty page; returns the widget code: the manifest's `widget.code` (legacy widgets), else
 * the given one, else a code assigned as on upload (`assignWidgetCode`).
 */
export function checkWidgetDir(widgetDir: string, assignedCode?: string): string {
  if (!existsSync(widgetDir) || !statSync(widgetDir).isDirectory()) {
    throw new WidgetDirError(`widget directory ${widgetDir} does not exist`);
  }
  const result = readManifest(widgetDir);
  if (!result.ok) throw new WidgetDirError(result.error);
  if (!existsSync(path.join(widgetDir, 'script.js'))) {
    throw new WidgetDirError(`widget directory ${widgetDir} has no script.js`);
  }
  return result.manifest.widget.code ?? assignedCode ?? assignWidgetCode();
}

/** The manifest's `required: true` settings fields (empty when it cannot be read). */
export function requiredFields(widgetDir: string): string[] {
  const result = readManifest(widgetDir);
  if (!result.ok) return [];
  return Object.entries(result.manifest.settings ?? {})
    .filter(([, field]) => field.required === true)
    .map(([name]) => name);
}
