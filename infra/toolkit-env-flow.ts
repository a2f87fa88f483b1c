/**
 * Follows the toolkit's variables through a project file: which `${{NAME}}` each action reads (in its
 * `with`, and in the files it hands on: ARM parameters, the Entra and Teams manifests) and which
 * names it writes (`writeToEnvironmentFile`, ARM outputs upper-cased, the permission id aadApp/update
 * generates). A name read before anything wrote it is a problem. This is how the tests check that the
 * names in teamsapp.yml, infra/ and appPackage/ line up.
 */
import { dirname, join } from 'node:path';
import { placeholderNames } from '../appPackage/scripts/placeholders';
import { outlineBicep } from './bicep-outline';

export type ToolkitAction = {
  uses: string;
  with?: Record<string, unknown>;
  writeToEnvironmentFile?: Record<string, string>;
};
export type ToolkitProject = Partial<Record<Lifecycle, ToolkitAction[]>>;

export const LIFECYCLES = ['provision', 'deploy', 'publish'] as const;
type Lifecycle = (typeof LIFECYCLES)[number];

export type EnvFlow = { problems: string[]; written: Set<string> };

/** Reads a project file by its path as written in the yml (relative to the project root). */
export type ReadProjectFile = (path: string) => string;

const MANIFEST_READERS = new Set(['teamsApp/zipAppPackage', 'teamsApp/validateManifest']);

/** The Teams manifest and the language files it names. */
function teamsManifestTexts(manifestPath: string, read: ReadProjectFile): string[] {
  const text = read(manifestPath);
  const manifest = JSON.parse(text) as { localizationInfo?: { additionalLanguages?: { file: string }[] } };
  const languages = manifest.localizationInfo?.additionalLanguages ?? [];
  return [text, ...languages.map((language) => read(join(dirname(manifestPath), language.file)))];
}

type Templates = { path: string; parameters?: string }[];

function textsReadBy(action: ToolkitAction, read: ReadProjectFile): string[] {
  const args = action.with ?? {};
  if (action.uses === 'arm/deploy') {
    return (args.templates as Templates).flatMap((template) =>
      template.parameters ? [read(template.parameters)] : [],
    );
  }
  if (action.uses === 'aadApp/update') return [read(String(args.manifestPath))];
  if (MANIFEST_READERS.has(action.uses)) return teamsManifestTexts(String(args.manifestPath), read);
  return [];
}

/** Names an action generates for its own use when they are empty (and then writes). */
const generatedBy = (action: ToolkitAction): string[] =>
  action.uses === 'aadApp/update' ? ['AAD_APP_ACCESS_AS_USER_PERMISSION_ID'] : [];

function namesWrittenBy(action: ToolkitAction, read: ReadProjectFile): string[] {
  const written = [...Object.values(action.writeToEnvironmentFile ?? {}), ...generatedBy(action)];
  if (action.uses === 'arm/deploy') {
    for (const template of (action.with?.templates ?? []) as Templates) {
      written.push(
        ...[...outlineBicep(read(template.path)).outputs.keys()].map((name) => name.toUpperCase()),
      );
    }
  }
  return written;
}

/** `initial`: the names that have a value before provisioning starts. */
export function traceEnvFlow(
  project: ToolkitProject,
  initial: Iterable<string>,
  read: ReadProjectFile,
): EnvFlow {
  const available = new Set(initial);
  const written = new Set<string>();
  const problems: string[] = [];
  for (const lifecycle of LIFECYCLES) {
    (project[lifecycle] ?? []).forEach((action, index) => {
      const texts = [JSON.stringify(action.with ?? {}), ...textsReadBy(action, read)];
      const own = new Set(generatedBy(action));
      for (const name of new Set(texts.flatMap(placeholderNames))) {
        if (!available.has(name) && !own.has(name))
          problems.push(`${lifecycle}[${index}] ${action.uses}: reads ${name}, unset by then`);
      }
      for (const name of namesWrittenBy(action, read)) {
        available.add(name);
        written.add(name);
      }
    });
  }
  return { problems, written };
}
