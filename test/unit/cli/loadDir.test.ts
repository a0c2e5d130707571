/** What the reader of a data folder refuses, by name, instead of hanging, looping or guessing. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDataDir, MAX_FILE_BYTES } from '../../../src/cli/loadDir';
import { dataDir } from './run';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(join(__dirname, '../../fixtures/amocrm-docs-examples', name), 'utf8'));

function refusal(dir: string): string | null {
  try {
    loadDataDir(dir, () => undefined);
  } catch (error) {
    expect((error as { exitCode?: number }).exitCode).toBe(2);
    return (error as Error).message;
  }
  return null;
}

describe('loadDataDir refuses, naming the path', () => {
  it('a symbolic link loop between two links', () => {
    const dir = dataDir({ 'pipelines.json': fixture('pipelines.json') });
    symlinkSync(join(dir, 'b.json'), join(dir, 'a.json'));
    symlinkSync(join(dir, 'a.json'), join(dir, 'b.json'));
    expect(refusal(dir)).toBe(`${join(dir, 'a.json')}: a symbolic link loop.`);
  });

  it('a link to a folder above it, instead of reading forever', () => {
    const dir = dataDir({ 'sub/pipelines.json': fixture('pipelines.json') });
    symlinkSync(dir, join(dir, 'sub', 'up'));
    expect(refusal(dir)).toBe(
      `${join(dir, 'sub', 'up')}: a symbolic link loop (it leads back to ${dir}).`,
    );
  });

  it('a dangling link', () => {
    const dir = dataDir({ 'pipelines.json': fixture('pipelines.json') });
    symlinkSync(join(dir, 'gone.json'), join(dir, 'leads.json'));
    expect(refusal(dir)).toBe(
      `${join(dir, 'leads.json')}: a dangling symbolic link (to "${join(dir, 'gone.json')}", which does not exist).`,
    );
  });

  it('a FIFO, which a reader would wait on forever', () => {
    const dir = dataDir({ 'pipelines.json': fixture('pipelines.json') });
    execFileSync('mkfifo', [join(dir, 'leads.json')]);
    expect(refusal(dir)).toBe(
      `${join(dir, 'leads.json')}: a FIFO (named pipe), not a file of data.`,
    );
  });

  it('a folder named like a JSON file', () => {
    const dir = dataDir({ 'pipelines.json': fixture('pipelines.json') });
    mkdirSync(join(dir, 'leads.json'));
    expect(refusal(dir)).toBe(`${join(dir, 'leads.json')}: a folder named like a JSON file.`);
  });

  it('a file larger than the reader can hold, saying so rather than "not valid JSON"', () => {
    const dir = dataDir({ 'pipelines.json': fixture('pipelines.json') });
    const big = join(dir, 'leads.json');
    writeFileSync(big, '');
    truncateSync(big, MAX_FILE_BYTES + 1); // sparse: no disk is used
    const message = refusal(dir);
    expect(message).toMatch(
      /leads\.json: [\d,]+ MB is more than this tool reads in one file \([\d,]+ MB\)/,
    );
    expect(message).not.toContain('not valid JSON');
  });

  it('an account body with an unknown time zone, naming the file and the JSON path', () => {
    const account = { ...(fixture('account.json') as object), timezone: 'Mars/Olympus' };
    const dir = dataDir({ 'nested/account.json': account });
    expect(refusal(dir)).toMatch(
      /nested\/account\.json: timezone: unknown time zone "Mars\/Olympus"\.$/,
    );
  });

  it('--data that is a file', () => {
    const dir = dataDir({ 'pipelines.json': fixture('pipelines.json') });
    expect(refusal(join(dir, 'pipelines.json'))).toBe(
      `--data: "${join(dir, 'pipelines.json')}" is a file, not a folder.`,
    );
  });
});

describe('loadDataDir still reads', () => {
  it('links to files and folders, and ignores special files not named .json', () => {
    const dir = dataDir({ 'elsewhere/pipelines.json': fixture('pipelines.json') });
    mkdirSync(join(dir, 'data'));
    symlinkSync(join(dir, 'elsewhere'), join(dir, 'data', 'linked'));
    execFileSync('mkfifo', [join(dir, 'data', 'pipe')]);
    const data = loadDataDir(join(dir, 'data'), () => undefined);
    expect(data.pipelines.map(p => p.id)).toEqual([3177727]);
  });
});
