import { build } from 'esbuild';
import { fluentImports } from './fluent-imports';

// The shell links `app.js` (an ES module); the chunks views load on demand (React.lazy) sit beside it.
export { BUNDLE_FILES } from './bundle-files';

export type BuildOptions = {
  /** Absolute path of `tab/src/main.tsx`. */
  readonly entry: string;
  /** Absolute directory the bundle is written to. */
  readonly outdir: string;
  /** Writes `app.js.map` beside it (default); deploy artifacts leave it out to stay small. */
  readonly sourcemap?: boolean;
};

/**
 * Bundles the browser app with esbuild: a minified ES2020 module with its source map, split so that
 * what the first screen does not need (the board, the charts) loads when a view asks for it. Paths
 * come from the caller (the tab server knows where it lives), so this file stays free of Node built-ins.
 */
export async function buildBundle({ entry, outdir, sourcemap = true }: BuildOptions): Promise<void> {
  await build({
    entryPoints: { app: entry },
    outdir,
    bundle: true,
    minify: true,
    sourcemap,
    format: 'esm',
    splitting: true,
    chunkNames: '[name]-[hash]',
    platform: 'browser',
    target: ['es2020'],
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    legalComments: 'none',
    logLevel: 'silent',
    plugins: [fluentImports()],
  });
}
