import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { BuiltBundle } from './build-bundle';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** The encodings the tab server sends its scripts in, best first, with the suffix of their files. */
export const PRECOMPRESSED = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
] as const;

/**
 * Writes a brotli and a gzip copy beside every script of a build (`app-<hash>.js.br`, `.js.gz`), so
 * the server sends a browser a third of the bytes without compressing on each request: App Service
 * on Linux does not compress what a Node app sends. `best` (brotli quality 11, a few seconds) is for
 * deploy artifacts; the on-demand build of development and tests uses a quick quality.
 */
export async function precompress(
  dir: string,
  built: BuiltBundle,
  quality: 'best' | 'quick' = 'quick',
): Promise<BuiltBundle> {
  const scripts = built.files.filter((file) => file.endsWith('.js'));
  await Promise.all(
    scripts.map(async (file) => {
      const text = await readFile(join(dir, file));
      const [br, gz] = await Promise.all([
        brotli(text, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: quality === 'best' ? 11 : 5,
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
            [constants.BROTLI_PARAM_SIZE_HINT]: text.length,
          },
        }),
        gzipped(text, { level: 9 }),
      ]);
      await Promise.all([writeFile(join(dir, `${file}.br`), br), writeFile(join(dir, `${file}.gz`), gz)]);
    }),
  );
  const copies = scripts.flatMap((file) => PRECOMPRESSED.map(({ suffix }) => `${file}${suffix}`));
  return { ...built, files: [...built.files, ...copies] };
}
