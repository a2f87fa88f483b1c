/**
 * The declarations of a Bicep file, read from its text: there is no Bicep compiler offline, so the
 * tests check what can be read reliably — top-level `param`, `var`, `resource` and `output`
 * declarations, their decorators, and each resource's body. Not a Bicep parser: it expects the
 * formatter's layout (declarations at column 0, a resource body closed by `}` at column 0).
 */
export type BicepParam = { name: string; type: string; hasDefault: boolean; decorators: string[] };
export type BicepResource = { symbol: string; type: string; apiVersion: string; body: string };
export type BicepOutline = {
  params: Map<string, BicepParam>;
  vars: Map<string, string>;
  resources: BicepResource[];
  outputs: Map<string, string>;
};

const bracketBalance = (line: string): number =>
  (line.match(/[[({]/g)?.length ?? 0) - (line.match(/[\])}]/g)?.length ?? 0);

export function outlineBicep(text: string): BicepOutline {
  const outline: BicepOutline = { params: new Map(), vars: new Map(), resources: [], outputs: new Map() };
  const lines = text.split(/\r?\n/);
  let decorators: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const decorator = /^@(\w+)/.exec(line);
    if (decorator?.[1]) {
      decorators.push(decorator[1]);
      // A decorator's argument may span lines (`@allowed([ ... ])`).
      for (let depth = bracketBalance(line); depth > 0 && i + 1 < lines.length;)
        depth += bracketBalance(lines[++i] ?? '');
      continue;
    }
    const param = /^param\s+(\w+)\s+(\w+)(\s*=)?/.exec(line);
    if (param?.[1] && param[2]) {
      outline.params.set(param[1], {
        name: param[1],
        type: param[2],
        hasDefault: Boolean(param[3]),
        decorators,
      });
    }
    const variable = /^var\s+(\w+)\s*=\s*(.*)$/.exec(line);
    if (variable?.[1]) outline.vars.set(variable[1], variable[2] ?? '');
    const resource = /^resource\s+(\w+)\s+'([^'@]+)@([^']+)'/.exec(line);
    if (resource?.[1] && resource[2] && resource[3]) {
      const end = lines.findIndex((candidate, index) => index > i && candidate === '}');
      const body = lines.slice(i + 1, end < 0 ? undefined : end).join('\n');
      outline.resources.push({ symbol: resource[1], type: resource[2], apiVersion: resource[3], body });
    }
    const output = /^output\s+(\w+)\s+(\w+)\s*=/.exec(line);
    if (output?.[1] && output[2]) outline.outputs.set(output[1], output[2]);
    if (line.trim() !== '' && !line.startsWith('//')) decorators = [];
  }
  return outline;
}
