import type { Metafile } from 'esbuild';
import type { AppArtifact } from './app-artifacts';
import { checkUnbundled } from './build-artifact';

const artifact: AppArtifact = {
  name: 'bot',
  entry: 'bot/src/index.ts',
  runtimeDependencies: ['native-thing'],
  developmentOnly: ['azurite'],
};
const bundleImporting = (...paths: string[]): Metafile => ({
  // A type-only import the bundle dropped shows up in the inputs only.
  inputs: {
    'bot/src/index.ts': {
      bytes: 1,
      imports: [{ path: 'typed-only', kind: 'import-statement', external: true }],
    },
  },
  outputs: {
    'server.js': {
      bytes: 1,
      inputs: {},
      exports: [],
      imports: paths.map((path) => ({ path, kind: 'require-call' as const, external: true })),
    },
  },
});

describe('checkUnbundled', () => {
  it("accepts Node's modules, shipped packages, development-only ones and guarded optional ones", () => {
    expect(() =>
      checkUnbundled(
        bundleImporting(
          'node:fs',
          'path',
          'native-thing/lib/x.js',
          'azurite/dist/src/table/main.js',
          'bufferutil',
        ),
        artifact,
      ),
    ).not.toThrow();
  });

  it('fails the build, naming them, for packages the artifact would not have', () => {
    expect(() =>
      checkUnbundled(bundleImporting('node:fs', '@scope/left-pad/index.js', 'esbuild'), artifact),
    ).toThrow('bot: the server bundle needs @scope/left-pad, esbuild, which the artifact would not have');
  });
});
