/**
 * What Teams requires of a package beyond its JSON schemas: icon sizes and colours, files that the
 * manifest names, language files that match the manifest, and ids that must agree.
 */
import { PNG } from 'pngjs';
import { COLOR_ICON_SIZE, OUTLINE_ICON_SIZE } from './icons';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads `a.b[0].c` from a JSON document; undefined when any step is missing. */
export function valueAtPath(document: unknown, path: string): unknown {
  let current: unknown = document;
  for (const step of path.match(/[^.[\]]+/g) ?? []) {
    if (Array.isArray(current) && /^\d+$/.test(step)) current = current[Number(step)];
    else if (isObject(current)) current = current[step];
    else return undefined;
  }
  return current;
}

const decodePng = (bytes: Uint8Array | undefined): PNG | string => {
  if (!bytes) return 'missing';
  try {
    return PNG.sync.read(Buffer.from(bytes));
  } catch {
    return 'not a PNG';
  }
};

export function iconProblems(manifest: Json, files: ReadonlyMap<string, Uint8Array>): string[] {
  const problems: string[] = [];
  const icons = isObject(manifest.icons) ? manifest.icons : {};
  const check = (kind: 'color' | 'outline', size: number) => {
    const name = String(icons[kind]);
    const png = decodePng(files.get(name));
    if (typeof png === 'string') return problems.push(`icons.${kind} (${name}): ${png}`);
    if (png.width !== size || png.height !== size) {
      problems.push(`icons.${kind} (${name}): ${png.width}×${png.height}, Teams wants ${size}×${size}`);
    }
    return png;
  };
  check('color', COLOR_ICON_SIZE);
  const outline = check('outline', OUTLINE_ICON_SIZE);
  if (typeof outline === 'object') {
    const { data } = outline;
    for (let i = 0; i < data.length; i += 4) {
      const white = data[i] === 255 && data[i + 1] === 255 && data[i + 2] === 255;
      if (!white && data[i + 3] !== 0) {
        problems.push('icons.outline: only white and transparent pixels are allowed');
        break;
      }
    }
  }
  return problems;
}

/** The files the manifest names, relative to the package root. */
export function referencedFiles(manifest: Json): string[] {
  const icons = isObject(manifest.icons) ? Object.values(manifest.icons) : [];
  const localization = isObject(manifest.localizationInfo) ? manifest.localizationInfo : {};
  const languages = Array.isArray(localization.additionalLanguages) ? localization.additionalLanguages : [];
  return [
    ...icons,
    localization.defaultLanguageFile,
    ...languages.map((language: unknown) => (isObject(language) ? language.file : undefined)),
  ].filter((file): file is string => typeof file === 'string');
}

const TOP_LEVEL_KEYS = new Set([
  '$schema',
  'name.short',
  'name.full',
  'description.short',
  'description.full',
]);

/** A language file must be on the manifest's schema version and translate only what exists. */
export function languageFileProblems(name: string, language: Json, manifest: Json): string[] {
  const problems: string[] = [];
  const version = /\/v(\d+\.\d+)\//.exec(String(language.$schema))?.[1];
  if (version !== manifest.manifestVersion) {
    problems.push(`${name}: $schema is v${version}, the manifest is v${String(manifest.manifestVersion)}`);
  }
  for (const key of Object.keys(language)) {
    if (TOP_LEVEL_KEYS.has(key)) continue;
    if (typeof valueAtPath(manifest, key) !== 'string') {
      problems.push(`${name}: "${key}" translates nothing in the manifest`);
    }
  }
  return problems;
}

/** The compose extension lives on the bot; SSO's resource must name the Entra app on a valid domain. */
export function idProblems(manifest: Json): string[] {
  const problems: string[] = [];
  const botId = valueAtPath(manifest, 'bots[0].botId');
  const extensionBotId = valueAtPath(manifest, 'composeExtensions[0].botId');
  if (extensionBotId !== undefined && extensionBotId !== botId) {
    problems.push(
      `composeExtensions[0].botId (${String(extensionBotId)}) is not the bot's id (${String(botId)})`,
    );
  }
  const appId = valueAtPath(manifest, 'webApplicationInfo.id');
  const resource = valueAtPath(manifest, 'webApplicationInfo.resource');
  if (typeof resource === 'string') {
    const [, domain, resourceAppId] = /^api:\/\/([^/]+)\/(.+)$/.exec(resource) ?? [];
    const validDomains = Array.isArray(manifest.validDomains) ? manifest.validDomains : [];
    if (resourceAppId !== appId)
      problems.push(`webApplicationInfo.resource must be api://<domain>/${String(appId)}`);
    else if (!validDomains.includes(domain))
      problems.push(`webApplicationInfo.resource: ${domain} is not in validDomains`);
  }
  return problems;
}
