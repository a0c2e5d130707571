/**
 * Sets one message in every locale file at once, so the six files always have the same keys
 * (amoCRM rejects an archive whose locales differ):
 *
 *   npx tsx scripts/i18n-set.ts fl.panel.title ru=Воронка en=Funnel es=Embudo pt=Funil tr=Huni id=Corong
 *   npx tsx scripts/i18n-set.ts fl.deals --plural "ru={count} сделка|{count} сделки|{count} сделок|{count} сделки" "en={count} deal|{count} deals" …
 *
 * Plurals are stored with one|few|many|other in every file: Russian gives all four, Indonesian
 * one form, the others one|other (their few and many repeat "other"; Intl picks what it needs).
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGS } from '../src/i18n';
import type { Lang } from '../src/i18n';

type Tree = { [key: string]: string | Tree };

function set(tree: Tree, path: string[], value: string | Tree): void {
  const [head, ...rest] = path;
  if (head === undefined) return;
  if (rest.length === 0) {
    tree[head] = value;
    return;
  }
  const next = tree[head];
  if (typeof next === 'string')
    throw new Error(`${path.join('.')}: "${head}" is already a message`);
  const child: Tree = next ?? {};
  tree[head] = child;
  set(child, rest, value);
}

function update(lang: Lang, key: string, value: string | Tree): void {
  const file = join(__dirname, '..', 'i18n', `${lang}.json`);
  const tree = JSON.parse(readFileSync(file, 'utf8')) as Tree;
  set(tree, key.split('.'), value);
  // Write-then-rename: another writer never sees a half-written file.
  writeFileSync(`${file}.tmp`, `${JSON.stringify(tree, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
}

const args = process.argv.slice(2);
const plural = args[1] === '--plural';
const key = args[0];
const given = new Map<string, string>();
for (const arg of args.slice(plural ? 2 : 1)) {
  const at = arg.indexOf('=');
  if (at > 0) given.set(arg.slice(0, at), arg.slice(at + 1));
}
const missing = LANGS.filter(lang => !given.has(lang));
if (key === undefined || missing.length > 0) {
  console.error(
    `usage: i18n-set.ts KEY ${LANGS.map(l => `${l}=TEXT`).join(' ')}   (--plural after KEY: forms split by |)` +
      (missing.length > 0 ? `\nmissing: ${missing.join(', ')}` : ''),
  );
  process.exit(2);
}

/** The four stored forms from what a language gives: 4 (ru), 2 (one|other) or 1 (id). */
function forms(lang: Lang, text: string): Tree {
  const parts = text.split('|');
  const [a, b, c, d] = parts;
  if (parts.length === 4 && a && b && c && d) return { one: a, few: b, many: c, other: d };
  if (parts.length === 2 && a && b) return { one: a, few: b, many: b, other: b };
  if (parts.length === 1 && a) return { one: a, few: a, many: a, other: a };
  console.error(`${lang}: give one|few|many|other, one|other or one form, not "${text}"`);
  process.exit(2);
}

const values = LANGS.map(lang => {
  const text = given.get(lang) ?? '';
  return [lang, plural ? forms(lang, text) : text] as const;
});
for (const [lang, value] of values) update(lang, key, value);
