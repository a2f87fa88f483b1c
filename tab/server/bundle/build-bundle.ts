import { build } from 'esbuild';

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
 * Bundles the browser app with esbuild: one minified ES2020 script with its source map. Paths come
 * from the caller (the tab server knows where it lives), so this file stays free of Node built-ins.
 */
export async function buildBundle({ entry, outdir, sourcemap = true }: BuildOptions): Promise<void> {
  await build({
    entryPoints: { app: entry },
    outdir,
    bundle: true,
    minify: true,
    sourcemap,
    format: 'iife',
    platform: 'browser',
    target: ['es2020'],
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    legalComments: 'none',
    logLevel: 'silent',
  });
}
