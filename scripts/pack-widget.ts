/**
 * Second half of `npm run build`, after webpack wrote dist/widget/script.js: copies the widget's
 * own files into dist/widget/ (manifest with the package version, locales, the images the
 * manifest uses), checks everything amoCRM checks on upload, prints the bundle budget, and zips
 * the folder CONTENTS into dist/widget.zip (amoCRM rejects an archive with a top-level folder).
 * Any failure exits non-zero: a build that cannot fail hides broken archives.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { zipSync } from 'fflate';
import { readPublisher } from './publisher.cjs';
import { checkLocales, checkManifest, IMAGE_SIZES, pngSize } from './widget-checks';

const ROOT = join(__dirname, '..');
const OUT = join(ROOT, 'dist', 'widget');
const ZIP = join(ROOT, 'dist', 'widget.zip');
/** gzip budget for script.js (issue: "at most 120 KB gzip"). */
const BUDGET = 120 * 1024;

function fail(message: string): never {
  console.error(`pack-widget: ${message}`);
  process.exit(1);
}

function writeText(path: string, text: string): void {
  mkdirSync(join(path, '..'), { recursive: true });
  // UTF-8 without BOM, LF line endings: amoCRM's archive rules.
  writeFileSync(path, text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n'), 'utf8');
}

function main(): void {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const manifest = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  (manifest.widget as Record<string, unknown>).version = pkg.version;
  // The publisher's contacts, set at build time (scripts/publisher.cjs): a marketplace build
  // refuses placeholders, a development build only says which are still missing.
  const publisher = readPublisher(ROOT);
  (manifest.widget as Record<string, unknown>).support = {
    link: publisher.values.supportLink,
    email: publisher.values.supportEmail,
  };
  if (publisher.problems.length > 0) {
    const list = `\n  - ${publisher.problems.join('\n  - ')}`;
    if (process.argv.includes('--marketplace'))
      fail(`a marketplace build needs the publisher's real contacts:${list}`);
    console.warn(`pack-widget: placeholders in this build (fine for development):${list}`);
  }

  const locales: Record<string, unknown> = {};
  for (const file of readdirSync(join(ROOT, 'i18n'))) {
    const text = readFileSync(join(ROOT, 'i18n', file), 'utf8');
    if (text.startsWith('\uFEFF')) fail(`i18n/${file} starts with a BOM`);
    locales[file.replace(/\.json$/, '')] = JSON.parse(text);
  }
  const problems = [...checkManifest(manifest, locales), ...checkLocales(locales)];

  const images = new Set(Object.keys(IMAGE_SIZES));
  const tour = (manifest.tour as { tour_images?: Record<string, string[]> } | undefined)
    ?.tour_images;
  for (const list of Object.values(tour ?? {}))
    for (const p of list) images.add(p.replace(/^\/?images\//, ''));
  for (const name of images) {
    const buf = readFileSync(join(ROOT, 'images', name));
    const size = pngSize(buf);
    const want = IMAGE_SIZES[name] ?? { width: 1188, height: 616 };
    if (!size) problems.push(`images/${name} is not a PNG`);
    else if (size.width !== want.width || size.height !== want.height)
      problems.push(
        `images/${name} is ${size.width}×${size.height}, amoCRM needs ${want.width}×${want.height}`,
      );
    if (buf.length > 300 * 1024) problems.push(`images/${name} is over 300 KB`);
    mkdirSync(join(OUT, 'images'), { recursive: true });
    writeFileSync(join(OUT, 'images', name), buf);
  }
  if (process.argv.includes('--marketplace')) {
    // webpack baked the contacts into the page's part from the same environment: a build whose
    // two steps saw different values would name one address in the manifest and another on screen.
    const page = readFileSync(join(OUT, 'widget.js'), 'utf8');
    for (const [key, value] of Object.entries(publisher.values))
      if (!page.includes(JSON.stringify(value).slice(1, -1)))
        problems.push(`widget.js lacks the ${key} "${value}": run the whole build with it set`);
  }
  if (problems.length > 0) fail(`the widget would be rejected:\n  - ${problems.join('\n  - ')}`);

  writeText(join(OUT, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  for (const [lang, messages] of Object.entries(locales)) {
    writeText(join(OUT, 'i18n', `${lang}.json`), `${JSON.stringify(messages, null, 2)}\n`);
  }

  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const sizes = (name: string) => {
    const bytes = readFileSync(join(OUT, name));
    return { min: bytes.length, gz: gzipSync(bytes, { level: 9 }).length };
  };
  const script = sizes('script.js');
  console.log(
    `script.js: ${kb(script.min)} minified, ${kb(script.gz)} gzip (budget ${kb(BUDGET)})`,
  );
  if (script.gz > BUDGET) fail(`script.js is ${kb(script.gz)} gzip, over the ${kb(BUDGET)} budget`);
  // Fetched after script.js (widget.js on every page, engine.js by the worker, report.js on the
  // advanced settings page only), so they are counted apart from the first load.
  for (const [name, when] of [
    ['widget.js', 'loaded after script.js'],
    ['engine.js', 'loaded by the worker'],
    ['report.js', 'loaded on demand'],
  ] as const) {
    const size = sizes(name);
    console.log(`${name}: ${kb(size.min)} minified, ${kb(size.gz)} gzip (${when})`);
  }

  const files: Record<string, [Uint8Array, { mtime: Date }]> = {};
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (!name.endsWith('.map')) {
        // A fixed date keeps the archive byte-identical for identical inputs.
        files[relative(OUT, full).split('\\').join('/')] = [
          readFileSync(full),
          { mtime: new Date('2026-01-01T00:00:00Z') },
        ];
      }
    }
  };
  walk(OUT);
  const zip = zipSync(files, { level: 9 });
  writeFileSync(ZIP, zip);
  const digest = createHash('sha256').update(zip).digest('hex').slice(0, 12);
  console.log(
    `widget.zip: ${Object.keys(files).length} files, ${kb(zip.length)}, sha256 ${digest}…`,
  );
}

main();
