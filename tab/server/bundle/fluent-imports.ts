import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Plugin } from 'esbuild';

const BARREL = '@fluentui/react-components';

/** `export { A, B as C } from "pkg"` blocks of the barrel → exported name → where it really lives. */
export function parseBarrel(source: string): Map<string, { readonly from: string; readonly name: string }> {
  const origins = new Map<string, { from: string; name: string }>();
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  for (const [, list = '', from = ''] of code.matchAll(/export\s*\{([^}]*)\}\s*from\s*["']([^"']+)["']/g)) {
    for (const specifier of list
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)) {
      const [name = '', exported = name] = specifier.split(/\s+as\s+/);
      origins.set(exported, { from, name });
    }
  }
  return origins;
}

/** One barrel import statement rewritten as imports from the packages that own each name. */
export function rewriteImports(
  source: string,
  origins: ReadonlyMap<string, { readonly from: string; readonly name: string }>,
  file: string,
): string {
  const pattern = new RegExp(`import\\s*\\{([^}]*)\\}\\s*from\\s*['"]${BARREL}['"];?`, 'g');
  return source.replace(pattern, (_statement, list: string) => {
    const byPackage = new Map<string, string[]>();
    for (const specifier of list
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)) {
      if (specifier.startsWith('type ')) continue; // erased anyway
      const [name = '', local = name] = specifier.split(/\s+as\s+/);
      const origin = origins.get(name);
      if (!origin) throw new Error(`${file}: ${BARREL} exports no ${name}`);
      const imported = origin.name === local ? local : `${origin.name} as ${local}`;
      byPackage.set(origin.from, [...(byPackage.get(origin.from) ?? []), imported]);
    }
    return [...byPackage].map(([from, names]) => `import { ${names.join(', ')} } from '${from}';`).join(' ');
  });
}

/**
 * Imports from Fluent's barrel go straight to the component packages. With code splitting, esbuild
 * gives every module the barrel re-exports to each chunk that imports the barrel, so one lazy view
 * using a Menu put the menu (and cards, popovers, badges…) into the first screen's chunk.
 */
export function fluentImports(): Plugin {
  return {
    name: 'fluent-imports',
    setup(build) {
      let origins: Promise<ReturnType<typeof parseBarrel>> | undefined;
      build.onLoad({ filter: /[\\/]tab[\\/]src[\\/].*\.tsx?$/ }, async ({ path }) => {
        const source = await readFile(path, 'utf8');
        if (!source.includes(BARREL)) return undefined;
        origins ??= build
          .resolve(BARREL, { kind: 'import-statement', resolveDir: dirname(path) })
          .then((barrel) => readFile(barrel.path, 'utf8'))
          .then(parseBarrel);
        return {
          contents: rewriteImports(source, await origins, path),
          loader: path.endsWith('x') ? 'tsx' : 'ts',
          resolveDir: dirname(path),
        };
      });
    },
  };
}
