/**
 * The part of the repository's package-lock.json that an artifact's own node_modules needs: the
 * runtime dependencies that cannot be bundled and everything they depend on, at the versions the
 * repository locked, so `npm ci --omit=dev` in the artifact installs exactly what the tests ran.
 */
type LockedPackage = {
  version?: string;
  link?: boolean;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  dev?: boolean;
  devOptional?: boolean;
  [key: string]: unknown;
};
export type Lockfile = {
  name?: string;
  lockfileVersion: number;
  requires?: boolean;
  packages: Record<string, LockedPackage>;
};

/** Where Node finds `name` from the package at `from`: its own node_modules, then each parent's. */
function resolveFrom(packages: Lockfile['packages'], from: string, name: string): string | undefined {
  let base = from;
  for (;;) {
    const candidate = `${base ? `${base}/` : ''}node_modules/${name}`;
    if (packages[candidate]) return candidate;
    if (!base) return undefined;
    const parent = base.lastIndexOf('/node_modules/');
    base = parent < 0 ? '' : base.slice(0, parent);
  }
}

export function runtimeLockfile(
  root: Lockfile,
  artifactName: string,
  names: readonly string[],
): { lockfile: Lockfile; dependencies: Record<string, string> } {
  const dependencies: Record<string, string> = {};
  const packages: Lockfile['packages'] = {};
  const visit = (path: string, optional: boolean): void => {
    if (packages[path]) return;
    const entry = root.packages[path];
    if (!entry) {
      if (optional) return;
      throw new Error(`package-lock.json has no ${path}`);
    }
    if (entry.link) throw new Error(`${path} is a workspace package: bundle it instead`);
    // dev flags describe the repository's graph; here every package is a runtime one.
    const { dev: _dev, devOptional: _devOptional, ...kept } = entry;
    packages[path] = kept;
    const required = Object.keys(entry.dependencies ?? {});
    const optionalOnes = Object.keys({ ...entry.optionalDependencies, ...entry.peerDependencies });
    for (const name of required) visitFrom(path, name, false);
    for (const name of optionalOnes) visitFrom(path, name, true);
  };
  const visitFrom = (from: string, name: string, optional: boolean): void => {
    const found = resolveFrom(root.packages, from, name);
    if (found) visit(found, optional);
    else if (!optional)
      throw new Error(`package-lock.json cannot resolve ${name} from ${from || 'the root'}`);
  };
  for (const name of names) {
    const path = `node_modules/${name}`;
    if (root.packages[path]?.link) throw new Error(`${name} is a workspace package: bundle it instead`);
    const version = root.packages[path]?.version;
    if (!version) throw new Error(`package-lock.json has no top-level ${name}`);
    dependencies[name] = version;
    visit(path, false);
  }
  // Paths stay as the repository has them: the same tree, less what the artifact does not need.
  return {
    dependencies,
    lockfile: {
      name: artifactName,
      lockfileVersion: 3,
      requires: true,
      packages: { '': { name: artifactName, dependencies }, ...packages },
    },
  };
}
