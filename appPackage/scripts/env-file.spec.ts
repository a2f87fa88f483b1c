import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadEnvironment, parseEnvFile } from './env-file';

describe('parseEnvFile', () => {
  it.each([
    ['NAME=value', 'value'],
    ['NAME = value  ', 'value'],
    ['export NAME=value', 'value'],
    ['NAME="quoted # not a comment"', 'quoted # not a comment'],
    ["NAME='single'", 'single'],
    ['NAME=value # a comment', 'value'],
    ['NAME=https://host/#anchor', 'https://host/#anchor'],
    ['NAME=', ''],
  ])('reads %s', (line, value) => {
    expect(parseEnvFile(line).get('NAME')).toBe(value);
  });

  it('skips comments, blank lines and lines that are not assignments', () => {
    expect([...parseEnvFile('# NAME=commented\n\nnot an assignment\r\nOTHER=1\r\n')]).toEqual([
      ['OTHER', '1'],
    ]);
  });
});

describe('loadEnvironment', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'env-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('lets .env.<env>.user override .env.<env>, as the toolkit does', () => {
    writeFileSync(join(dir, '.env.dev'), 'A=from-env\nB=kept\n');
    writeFileSync(join(dir, '.env.dev.user'), 'A=from-user\nSECRET_X=s\n');
    expect(Object.fromEntries(loadEnvironment(dir, 'dev'))).toEqual({
      A: 'from-user',
      B: 'kept',
      SECRET_X: 's',
    });
  });

  it('names the missing file of an unknown environment', () => {
    expect(() => loadEnvironment(dir, 'prod')).toThrow(/no environment "prod": .*\.env\.prod does not exist/);
  });

  it('refuses names that would leave the folder', () => {
    expect(() => loadEnvironment(dir, '../secrets')).toThrow('not an environment name');
  });
});
