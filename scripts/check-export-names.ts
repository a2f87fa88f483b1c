/**
 * Part of `npm run lint`: no name is exported by both `@crm/shared` and `@crm/shared/application`,
 * types included. A pure rule and its use case must never share a name (the rule is `decide<Thing>`,
 * the use case the command's name: shared/README.md), and a record type has one entry point. Reads
 * both entry points with the TypeScript checker and fails with the names exported twice.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';

const root = resolve(__dirname, '..');
const ENTRY_POINTS = ['.', './application'];

/** Every name an entry point exports, with the file that declares it. */
function exportedNames(program: ts.Program, file: string): Map<string, string> {
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  const module = source && checker.getSymbolAtLocation(source);
  if (!module) throw new Error(`${file} is not a module`);
  const names = new Map<string, string>();
  for (const symbol of checker.getExportsOfModule(module)) {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    const declared = target.declarations?.[0]?.getSourceFile().fileName ?? file;
    names.set(symbol.name, declared.replace(`${root}/`, ''));
  }
  return names;
}

/** The names exported by more than one entry point, each with where every entry point gets it. */
function duplicateExports(): string[] {
  const pkg = JSON.parse(readFileSync(join(root, 'shared/package.json'), 'utf8')) as {
    exports: Record<string, string>;
  };
  const files = ENTRY_POINTS.map((entry) => join(root, 'shared', pkg.exports[entry]!));
  const config = ts.getParsedCommandLineOfConfigFile(
    join(root, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (!config) throw new Error('tsconfig.json could not be read');
  const program = ts.createProgram(files, { ...config.options, noEmit: true });
  const [core, application] = files.map((file) => exportedNames(program, file)) as [
    Map<string, string>,
    Map<string, string>,
  ];
  return [...core.keys()]
    .filter((name) => application.has(name))
    .sort()
    .map(
      (name) => `${name} (@crm/shared: ${core.get(name)}; @crm/shared/application: ${application.get(name)})`,
    );
}

const duplicates = duplicateExports();
if (duplicates.length > 0) {
  console.error(
    `${duplicates.length} name(s) exported by both @crm/shared and @crm/shared/application ` +
      `(name the pure rule decide<Thing>, or export the name from one entry point only):\n` +
      duplicates.map((d) => `  ${d}`).join('\n'),
  );
  process.exit(1);
}
console.log(`check-export-names: @crm/shared and @crm/shared/application share no export name`);
