/**
 * Sets one message in both locale files at once, so i18n/ru.json and i18n/en.json always have the
 * same keys (amoCRM rejects an archive whose locales differ):
 *
 *   npx tsx scripts/i18n-set.ts fl.panel.title "Воронка" "Funnel"
 *   npx tsx scripts/i18n-set.ts fl.deals --plural "{count} сделка|{count} сделки|{count} сделок|{count} сделки" "{count} deal|{count} deals"
 *
 * Russian plurals take one|few|many|other, English one|other (stored with few/many = other).
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

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

function update(lang: 'ru' | 'en', key: string, value: string | Tree): void {
  const file = join(__dirname, '..', 'i18n', `${lang}.json`);
  const tree = JSON.parse(readFileSync(file, 'utf8')) as Tree;
  set(tree, key.split('.'), value);
  // Write-then-rename: another writer never sees a half-written file.
  writeFileSync(`${file}.tmp`, `${JSON.stringify(tree, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
}

const args = process.argv.slice(2);
const plural = args[1] === '--plural';
const [key, ru, en] = plural ? [args[0], args[2], args[3]] : args;
if (key === undefined || ru === undefined || en === undefined) {
  console.error(
    'usage: i18n-set.ts KEY RU EN   |   i18n-set.ts KEY --plural "one|few|many|other" "one|other"',
  );
  process.exit(2);
}
if (plural) {
  const [one, few, many, other] = ru.split('|');
  const [enOne, enOther] = en.split('|');
  if (!one || !few || !many || !other || !enOne || !enOther) {
    console.error('plural forms: ru needs one|few|many|other, en needs one|other');
    process.exit(2);
  }
  update('ru', key, { one, few, many, other });
  // Same keys in both files: English has no few/many, so those repeat "other".
  update('en', key, { one: enOne, few: enOther, many: enOther, other: enOther });
} else {
  update('ru', key, ru);
  update('en', key, en);
}
