/**
 * Second half of `npm run build`, after webpack wrote dist/widget/script.js: copies the widget's
 * own files into dist/widget/ (manifest with the package version, locales, the images the
 * manifest uses, style.css from the components' styles), checks everything amoCRM checks on
 * upload, prints the bundle sizes against their budgets, and zips the folder CONTENTS into
 * dist/widget.zip (amoCRM rejects an archive with a top-level folder).
 * Any failure exits non-zero: a build that cannot fail hides broken archives.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { zipSync } from 'fflate';
import { readPublisher } from './publisher.cjs';
import { WIDGET_CSS } from '../src/ui/styles';
import { checkLocales, checkManifest, checkStyle, IMAGE_SIZES, pngSize } from './widget-checks';

const ROOT = join(__dirname, '..');
const OUT = join(ROOT, 'dist', 'widget');
const ZIP = join(ROOT, 'dist', 'widget.zip');
/**
 * gzip budget of what every page of the Leads section loads: script.js, the page's part it
 * fetches (widget.js) and the stylesheet, with our own code unminified (issue 11: "≤ 70 KB
 * gzip"). The worker's engine.js, the report page's report.js, the settings modal's
 * settings.js, the panel's drill-down drill.js (on a click on a stage) and the lead card's
 * card.js are counted apart.
 */
const FIRST_LOAD_BUDGET = 70 * 1024;
/** amoCRM's upload limit for the archive. */
const ARCHIVE_BUDGET = 1024 * 1024;
/**
 * Names of our own functions each chunk must still spell out: the build leaves our code readable
 * (amoCRM's review: not minified or obfuscated), and a minifier let loose on it would rename them.
 */
const OWN_NAMES: Readonly<Record<string, readonly string[]>> = {
  'script.js': ['function FunnelLensWidget(', 'function deferredCallbacks('],
  'widget.js': ['function createCallbacks(', 'function mountPanel(', 'function serviceInWorker('],
  'engine.js': [
    'function serveDataService(',
    'function createDataService(',
    'function readLeadList(',
  ],
  'report.js': ['function ReportPage(', 'function registerCharts('],
  'settings.js': ['function SettingsForm('],
  'drill.js': ['function Drilldown('],
  'card.js': ['function CardBlock('],
};

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
  const problems = [
    ...checkManifest(manifest, locales),
    ...checkLocales(locales),
    ...checkStyle(WIDGET_CSS),
  ];

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

  // The widget links it itself (widget/styleSheet.ts), as amoCRM documents.
  writeText(join(OUT, 'style.css'), WIDGET_CSS);
  writeText(join(OUT, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  for (const [lang, messages] of Object.entries(locales)) {
    writeText(join(OUT, 'i18n', `${lang}.json`), `${JSON.stringify(messages, null, 2)}\n`);
  }

  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  for (const [name, names] of Object.entries(OWN_NAMES)) {
    const text = readFileSync(join(OUT, name), 'utf8');
    for (const own of names)
      if (!text.includes(own))
        fail(`${name} lacks "${own}": our own code must stay unminified (amoCRM's review)`);
  }
  const sizes = (name: string) => {
    const bytes = readFileSync(join(OUT, name));
    return { bytes: bytes.length, gz: gzipSync(bytes, { level: 9 }).length };
  };
  const script = sizes('script.js');
  const page = sizes('widget.js');
  console.log(
    `script.js: ${kb(script.bytes)}, ${kb(script.gz)} gzip (the AMD module amoCRM loads)`,
  );
  console.log(`widget.js: ${kb(page.bytes)}, ${kb(page.gz)} gzip (the page's part, fetched by it)`);
  const style = sizes('style.css');
  console.log(`style.css: ${kb(style.bytes)}, ${kb(style.gz)} gzip (linked by the page's part)`);
  const first = script.gz + page.gz + style.gz;
  console.log(
    `first load (script.js + widget.js + style.css): ${kb(first)} gzip (budget ${kb(FIRST_LOAD_BUDGET)}, own code unminified)`,
  );
  if (first > FIRST_LOAD_BUDGET)
    fail(`the first load is ${kb(first)} gzip, over the ${kb(FIRST_LOAD_BUDGET)} budget`);
  // The worker's part (also the page's, when no worker can run) and the advanced settings page's:
  // counted apart from the first load.
  for (const [name, when] of [
    ['engine.js', 'the data service, in its worker'],
    ['report.js', 'the full report, on the advanced settings page only'],
    ['settings.js', "the settings form, in amoCRM's settings modal only"],
    ['drill.js', "the panel's drill-down, on a click on a stage"],
    ['card.js', "the lead card's block, on a lead's card only"],
  ] as const) {
    const size = sizes(name);
    console.log(`${name}: ${kb(size.bytes)}, ${kb(size.gz)} gzip (${when})`);
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
    `widget.zip: ${Object.keys(files).length} files, ${kb(zip.length)} (budget ${kb(ARCHIVE_BUDGET)}), sha256 ${digest}…`,
  );
  if (zip.length > ARCHIVE_BUDGET)
    fail(`widget.zip is ${kb(zip.length)}, over amoCRM's ${kb(ARCHIVE_BUDGET)} limit`);
}

main();
