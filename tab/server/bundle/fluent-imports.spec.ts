import { parseBarrel, rewriteImports } from './fluent-imports';

const barrel = `// Utilities
export { makeStyles, mergeClasses } from "@griffel/react";
export { // a comment inside the list
useFluent_unstable as useFluent, FluentProvider } from "@fluentui/react-provider";
/* Components */
export { Button, ToggleButton } from "@fluentui/react-button";`;

describe('fluent imports', () => {
  const origins = parseBarrel(barrel);

  it('knows which package owns each name the barrel exports, renames included', () => {
    expect(origins.get('Button')).toEqual({ from: '@fluentui/react-button', name: 'Button' });
    expect(origins.get('useFluent')).toEqual({
      from: '@fluentui/react-provider',
      name: 'useFluent_unstable',
    });
    expect(origins.get('makeStyles')).toEqual({ from: '@griffel/react', name: 'makeStyles' });
  });

  it('splits a barrel import by owning package, keeping local names and dropping types', () => {
    const source = `import {\n  Button,\n  makeStyles,\n  useFluent as fluent,\n  type ButtonProps,\n} from '@fluentui/react-components';\nimport type { Theme } from '@fluentui/react-components';`;
    expect(rewriteImports(source, origins, 'x.tsx')).toBe(
      "import { Button } from '@fluentui/react-button'; import { makeStyles } from '@griffel/react'; " +
        "import { useFluent_unstable as fluent } from '@fluentui/react-provider';\n" +
        "import type { Theme } from '@fluentui/react-components';",
    );
  });

  it('fails the build on a name the barrel does not export', () => {
    expect(() =>
      rewriteImports("import { Nope } from '@fluentui/react-components';", origins, 'x.tsx'),
    ).toThrow('x.tsx: @fluentui/react-components exports no Nope');
  });
});
