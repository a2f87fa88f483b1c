import { build } from 'esbuild';
import { fluentImports } from './fluent-imports';

// The shell links `app-<hash>.js` (an ES module); the chunks views load on demand (React.lazy) sit beside it.

export type BuildOptions = {
  /** Absolute path of `tab/src/boot.ts`, the entry module. */
  readonly entry: string;
  /** Absolute paths of the modules to preload, the app the entry starts (`tab/src/main.tsx`) first. */
  readonly preload: readonly string[];
  /** Absolute paths of the modules Teams' pages preload as well: the connection to Teams (boot.ts). */
  readonly teamsPreload?: readonly string[];
  /** Absolute directory the bundle is written to. */
  readonly outdir: string;
  /** Writes `app-<hash>.js.map` beside it (default); deploy artifacts leave it out to stay small. */
  readonly sourcemap?: boolean;
};

/** What one build wrote into `outdir`: file names, no folders. */
export type BuiltBundle = {
  /** The entry module, `app-<hash>.js`. */
  readonly script: string;
  /** Every file written, the script included. */
  readonly files: readonly string[];
  /**
   * The modules the first screen needs, in order: each module asked to be preloaded and everything it
   * imports statically. The shell names them as `modulepreload` links so the browser fetches them all
   * at once instead of discovering them import by import.
   */
  readonly preload: readonly string[];
  /** What the pages Teams opens preload besides `preload`: the Teams connection, which boot.ts starts at once there. */
  readonly teamsPreload: readonly string[];
};

/**
 * Bundles the browser app with esbuild: a minified ES2020 module with its source map, split so that
 * what the first screen does not need (the board, the charts) loads when a view asks for it. Paths
 * come from the caller (the tab server knows where it lives), so this file stays free of Node built-ins.
 */
export async function buildBundle({
  entry,
  preload: preloaded,
  teamsPreload: teamsPreloaded = [],
  outdir,
  sourcemap = true,
}: BuildOptions): Promise<BuiltBundle> {
  const { metafile } = await build({
    entryPoints: { app: entry },
    outdir,
    bundle: true,
    minify: true,
    sourcemap,
    format: 'esm',
    splitting: true,
    // Content-hashed names: a deploy never changes what a name means (served as immutable).
    entryNames: '[name]-[hash]',
    chunkNames: '[name]-[hash]',
    metafile: true,
    platform: 'browser',
    target: ['es2020'],
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    legalComments: 'none',
    logLevel: 'silent',
    plugins: [fluentImports()],
  });
  // metafile paths are relative to the working directory, with `/` on every platform.
  const basename = (path: string) => path.slice(path.lastIndexOf('/') + 1);
  const outputs = Object.entries(metafile.outputs);
  // Lazy views' chunks are entry points too; the app's is the one built from `entry`.
  const outputOf = (source: string) => {
    const path = source.replace(/\\/g, '/');
    const found = outputs.find(
      ([out, output]) => out.endsWith('.js') && output.entryPoint && path.endsWith(`/${output.entryPoint}`),
    );
    if (!found) throw new Error(`esbuild wrote no module for ${source}`);
    return found;
  };
  const [entryPath] = outputOf(entry);
  // Each preloaded module and its static imports, depth first, without repeats.
  const closure = (sources: readonly string[], known: readonly string[] = []) => {
    const found: string[] = [];
    const visit = (path: string) => {
      if (found.includes(basename(path)) || known.includes(basename(path))) return;
      found.push(basename(path));
      for (const imported of metafile.outputs[path]?.imports ?? [])
        if (imported.kind === 'import-statement') visit(imported.path);
    };
    for (const source of sources) visit(outputOf(source)[0]);
    return found;
  };
  const preload = closure(preloaded);
  const teamsPreload = closure(teamsPreloaded, preload);
  return {
    script: basename(entryPath),
    files: outputs.map(([path]) => basename(path)),
    preload,
    teamsPreload,
  };
}
