/**
 * The file names the HTML shell links; `app.js.map` sits beside the bundle. Apart from build.ts so
 * that the server can name them without loading esbuild (the deployed server has no esbuild).
 */
export const BUNDLE_FILES = { script: 'app.js' } as const;
