import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

// The docs stay readable in a terminal and on a phone: no Markdown table row wider than 200
// characters (write a list where a table would be wide), a root README a newcomer reads in five
// minutes, and no relative link into a file that has moved away.
const root = join(__dirname, '..');
const SKIP = new Set([
  'node_modules',
  '.data',
  'vendor',
  '.git',
  'dist',
  'build',
  'coverage',
  'test-artifacts',
]);
const MAX_ROW = 200;
const MAX_README_BYTES = 8 * 1024;

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return SKIP.has(entry.name) ? [] : markdownFiles(path);
    return entry.name.endsWith('.md') ? [path] : [];
  });
}

/** The lines outside fenced code blocks, with their 1-based line numbers. */
function proseLines(text: string): { line: string; number: number }[] {
  let fence: string | undefined;
  return text.split('\n').flatMap((line, i) => {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (fence === undefined || marker.startsWith(fence))) {
      fence = fence === undefined ? marker : undefined;
      return [];
    }
    return fence === undefined ? [{ line, number: i + 1 }] : [];
  });
}

const files = markdownFiles(root);
const name = (path: string) => relative(root, path);

describe('the docs', () => {
  it('are found where the parts keep them', () => {
    expect(files.map(name)).toEqual(
      expect.arrayContaining(['README.md', 'tab/README.md', 'bot/README.md', 'shared/README.md']),
    );
  });

  it(`have no table row wider than ${MAX_ROW} characters`, () => {
    // One entry per table: where it starts and its widest row.
    const wide = files.flatMap((path) => {
      const tables: { number: number; width: number; last: number }[] = [];
      for (const { line, number } of proseLines(readFileSync(path, 'utf8'))) {
        if (!/^\s*\|/.test(line)) continue;
        const width = [...line].length;
        const table = tables.at(-1);
        if (table && table.last === number - 1)
          Object.assign(table, { last: number, width: Math.max(width, table.width) });
        else tables.push({ number, width, last: number });
      }
      return tables
        .filter((t) => t.width > MAX_ROW)
        .map((t) => `${name(path)}:${t.number} (${t.width} wide)`);
    });
    expect(wide).toEqual([]);
  });

  it(`keep the root README within ${MAX_README_BYTES / 1024} KB`, () => {
    expect(Buffer.byteLength(readFileSync(join(root, 'README.md'), 'utf8'))).toBeLessThanOrEqual(
      MAX_README_BYTES,
    );
  });

  it('link and show only files that exist', () => {
    const broken = files.flatMap((path) =>
      proseLines(readFileSync(path, 'utf8')).flatMap(({ line, number }) =>
        [...line.matchAll(/\]\(([^)\s]+)\)|\ssrc="([^"]+)"/g)]
          .map((match) => ((match[1] ?? match[2]) as string).split('#')[0] as string)
          .filter((target) => target !== '' && !/^[a-z]+:/i.test(target))
          .filter((target) => !existsSync(join(dirname(path), decodeURI(target))))
          .map((target) => `${name(path)}:${number} → ${target}`),
      ),
    );
    expect(broken).toEqual([]);
  });
});
