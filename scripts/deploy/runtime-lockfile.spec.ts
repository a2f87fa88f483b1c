import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runtimeLockfile, type Lockfile } from './runtime-lockfile';

const lock: Lockfile = {
  lockfileVersion: 3,
  packages: {
    '': { name: 'root' },
    'node_modules/native-thing': { version: '2.1.0', dependencies: { helper: '^1.0.0', shared: '^1' } },
    'node_modules/native-thing/node_modules/helper': { version: '1.4.0', dev: true },
    'node_modules/helper': { version: '3.0.0' },
    'node_modules/shared': { version: '1.2.3', optionalDependencies: { 'not-installed': '*' } },
    'node_modules/jest': { version: '29.7.0', dev: true },
    'node_modules/@crm/shared': { link: true },
  },
};

describe('runtimeLockfile', () => {
  it('keeps the named packages and what they depend on, as Node would resolve them, and nothing else', () => {
    const { lockfile, dependencies } = runtimeLockfile(lock, 'artifact', ['native-thing']);
    expect(dependencies).toEqual({ 'native-thing': '2.1.0' });
    expect(Object.keys(lockfile.packages).sort()).toEqual([
      '',
      'node_modules/native-thing',
      'node_modules/native-thing/node_modules/helper',
      'node_modules/shared',
    ]);
    expect(lockfile.packages['']).toEqual({ name: 'artifact', dependencies: { 'native-thing': '2.1.0' } });
    // Dev-only in the repository, a runtime package here: `npm ci --omit=dev` must install it.
    expect(lockfile.packages['node_modules/native-thing/node_modules/helper']).toEqual({ version: '1.4.0' });
  });

  it('refuses workspace packages and names the lockfile does not hold', () => {
    expect(() => runtimeLockfile(lock, 'a', ['@crm/shared'])).toThrow(/workspace package/);
    expect(() => runtimeLockfile(lock, 'a', ['left-pad'])).toThrow(/no top-level left-pad/);
  });

  it("resolves a real runtime package's closure from the repository's package-lock.json", () => {
    const root = JSON.parse(
      readFileSync(join(__dirname, '..', '..', 'package-lock.json'), 'utf8'),
    ) as Lockfile;
    const { lockfile } = runtimeLockfile(root, 'artifact', ['pino']);
    expect(Object.keys(lockfile.packages)).toEqual(
      expect.arrayContaining(['node_modules/pino', 'node_modules/sonic-boom', 'node_modules/thread-stream']),
    );
    expect(Object.keys(lockfile.packages).filter((path) => /\/(jest|eslint|azurite)$/.test(path))).toEqual(
      [],
    );
  });
});
