// Who publishes the widget: the support link and e-mail amoCRM and Kommo require in the manifest,
// and the privacy policy's address both marketplaces ask for (docs/marketplace.md). They are the
// publisher's, not the project's, so they come from the environment at build time; publisher.json
// holds placeholders that let a development build run. `npm run build -- --marketplace` refuses a
// placeholder (scripts/pack-widget.ts); webpack bakes the values into the bundle, where error
// messages that ask the user to act name where to get help.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

/** Each value, the environment variable that sets it, and what it must look like. */
const FIELDS = [
  { key: 'supportLink', env: 'FUNNEL_LENS_SUPPORT_URL', kind: 'url' },
  { key: 'supportEmail', env: 'FUNNEL_LENS_SUPPORT_EMAIL', kind: 'email' },
  { key: 'privacyLink', env: 'FUNNEL_LENS_PRIVACY_URL', kind: 'url' },
];

/** Reserved for documentation (RFC 2606 / 6761): a value there was never filled in. */
const PLACEHOLDER_HOST = /(^|\.)(example|invalid|test|localhost)$|(^|\.)example\.(com|net|org)$/i;

function hostOf(kind, value) {
  if (kind === 'email') return value.split('@')[1] ?? '';
  try {
    return new URL(value).hostname;
  } catch {
    return '';
  }
}

/** What is wrong with a value, or null: empty, malformed, not https, or a placeholder domain. */
function problemOf(kind, value) {
  if (value.trim() === '') return 'empty';
  if (kind === 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) return 'not an e-mail address';
  if (kind === 'url') {
    let url;
    try {
      url = new URL(value);
    } catch {
      return 'not a URL';
    }
    if (url.protocol !== 'https:') return 'not https';
  }
  return PLACEHOLDER_HOST.test(hostOf(kind, value)) ? 'a placeholder' : null;
}

/**
 * The publisher's values (environment first, then publisher.json) and, per value still wrong,
 * one line naming it and the variable that sets it.
 */
function readPublisher(root = join(__dirname, '..'), env = process.env) {
  const defaults = JSON.parse(readFileSync(join(root, 'publisher.json'), 'utf8'));
  const values = {};
  const problems = [];
  for (const { key, env: name, kind } of FIELDS) {
    const given = env[name];
    const value = typeof given === 'string' && given !== '' ? given : String(defaults[key] ?? '');
    values[key] = value;
    const problem = problemOf(kind, value);
    if (problem) problems.push(`${key} "${value}" is ${problem}: set ${name}`);
  }
  return { values, problems };
}

module.exports = { readPublisher, FIELDS };
