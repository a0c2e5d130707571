/** The publisher's contacts: the environment wins, and placeholders are named with their variable. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readPublisher } from '../../../scripts/publisher.cjs';

const ROOT = join(__dirname, '..', '..', '..');

function rootWith(values: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'fl-publisher-'));
  writeFileSync(join(dir, 'publisher.json'), JSON.stringify(values));
  return dir;
}

describe('readPublisher', () => {
  it('names every placeholder of the committed file and the variable that replaces it', () => {
    const { problems } = readPublisher(ROOT, {});
    expect(problems).toEqual([
      expect.stringMatching(/^supportLink .* is a placeholder: set FUNNEL_LENS_SUPPORT_URL$/),
      expect.stringMatching(/^supportEmail .* is a placeholder: set FUNNEL_LENS_SUPPORT_EMAIL$/),
      expect.stringMatching(/^privacyLink .* is a placeholder: set FUNNEL_LENS_PRIVACY_URL$/),
    ]);
  });

  it('takes real values from the environment over the file', () => {
    const env = {
      FUNNEL_LENS_SUPPORT_URL: 'https://funnellens.io/help',
      FUNNEL_LENS_SUPPORT_EMAIL: 'help@funnellens.io',
      FUNNEL_LENS_PRIVACY_URL: 'https://funnellens.io/privacy',
    };
    expect(readPublisher(ROOT, env)).toEqual({
      values: {
        supportLink: 'https://funnellens.io/help',
        supportEmail: 'help@funnellens.io',
        privacyLink: 'https://funnellens.io/privacy',
      },
      problems: [],
    });
  });

  it.each([
    ['supportLink', '', 'empty'],
    ['supportLink', 'http://funnellens.io/help', 'not https'],
    ['supportLink', 'funnellens.io', 'not a URL'],
    ['privacyLink', 'https://example.com/privacy', 'a placeholder'],
    ['privacyLink', 'https://localhost/privacy', 'a placeholder'],
    ['supportEmail', 'help at funnellens.io', 'not an e-mail address'],
    ['supportEmail', 'me@shop.test', 'a placeholder'],
  ])('refuses %s %p: %s', (key, value, why) => {
    const good = {
      supportLink: 'https://funnellens.io/help',
      supportEmail: 'help@funnellens.io',
      privacyLink: 'https://funnellens.io/privacy',
    };
    const { problems } = readPublisher(rootWith({ ...good, [key]: value }), {});
    expect(problems).toEqual([`${key} "${value}" is ${why}: set ${envOf(key)}`]);
  });
});

function envOf(key: string): string {
  return {
    supportLink: 'FUNNEL_LENS_SUPPORT_URL',
    supportEmail: 'FUNNEL_LENS_SUPPORT_EMAIL',
    privacyLink: 'FUNNEL_LENS_PRIVACY_URL',
  }[key]!;
}
