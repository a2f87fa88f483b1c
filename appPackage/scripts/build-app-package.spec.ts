import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { buildAppPackage, type AppPackage } from './build-app-package';
import { loadEnvironment, type EnvValues } from './env-file';

const appDir = join(__dirname, '..');
const envDir = join(__dirname, '..', '..', 'env');
const local = loadEnvironment(envDir, 'local');

const problemsOf = (result: AppPackage): string[] => (result.ok ? [] : result.problems);
const withValues = (changes: Record<string, string | undefined>): EnvValues => {
  const values = new Map(local);
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined) values.delete(name);
    else values.set(name, value);
  }
  return values;
};

/** A scratch copy of the package sources, to break one file at a time. */
function scratchAppDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'app-package-'));
  for (const file of ['manifest.json', 'color.png', 'outline.png', 'nl.json', 'pt-BR.json', 'nb.json']) {
    cpSync(join(appDir, file), join(dir, file));
  }
  return dir;
}
const editJson = (path: string, edit: (json: Record<string, unknown>) => void) => {
  const json = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  edit(json);
  writeFileSync(path, JSON.stringify(json));
};

describe('the Teams app package', () => {
  it('builds from env/.env.local and passes the official schemas and Teams rules', () => {
    const result = buildAppPackage(appDir, local);

    expect(problemsOf(result)).toEqual([]);
    if (!result.ok) return;
    const entries = unzipSync(result.zip);
    expect(Object.keys(entries).sort()).toEqual(
      ['color.png', 'manifest.json', 'nb.json', 'nl.json', 'outline.png', 'pt-BR.json'].sort(),
    );
    const texts = ['manifest.json', 'nl.json', 'pt-BR.json', 'nb.json'].map((name) =>
      strFromU8(entries[name]!),
    );
    expect(texts.filter((text) => text.includes('${{'))).toEqual([]);
    expect(JSON.parse(texts[0]!)).toMatchObject({
      id: local.get('TEAMS_APP_ID'),
      name: { short: 'Pipeline CRM-local' },
    });
  });

  it('declares the tabs, the bot with its commands, the compose extension and SSO', () => {
    const result = buildAppPackage(appDir, local);
    if (!result.ok) throw new Error(result.problems.join('\n'));
    const manifest = JSON.parse(strFromU8(result.files.get('manifest.json')!));
    const botId = local.get('BOT_ID');
    const tab = local.get('TAB_ENDPOINT');

    expect(manifest.configurableTabs).toEqual([
      expect.objectContaining({ configurationUrl: `${tab}/config` }),
    ]);
    expect(manifest.staticTabs[0]).toMatchObject({ contentUrl: `${tab}/personal`, scopes: ['personal'] });
    expect(manifest.bots).toEqual([
      expect.objectContaining({ botId, scopes: ['personal', 'team', 'groupChat'] }),
    ]);
    expect(
      manifest.bots[0].commandLists[0].commands.map((command: { title: string }) => command.title),
    ).toEqual([
      'leads',
      'lead',
      'qualify',
      'disqualify',
      'pipeline',
      'deals',
      'move',
      'subscribe',
      'unsubscribe',
      'help',
    ]);
    expect(manifest.composeExtensions[0]).toMatchObject({
      botId,
      commands: [
        { id: 'searchRecords', type: 'query' },
        { id: 'createLeadFromMessage', type: 'action', context: ['message'], fetchTask: true },
        { id: 'logToCrm', type: 'action', context: ['message'], fetchTask: true },
      ],
      messageHandlers: [{ type: 'link', value: { domains: [local.get('TAB_DOMAIN')] } }],
    });
    // Copilot-ready: it reads the command's and each parameter's semantic description, and shows the
    // sample prompts (each translated in every language file).
    const search = manifest.composeExtensions[0].commands[0];
    expect(search.semanticDescription).toMatch(/leads.*organisations.*contacts.*deals/);
    for (const parameter of search.parameters)
      expect(parameter.semanticDescription?.length).toBeGreaterThan(40);
    expect(search.samplePrompts.length).toBeGreaterThanOrEqual(3);
    for (const file of ['nl.json', 'pt-BR.json', 'nb.json']) {
      const texts = JSON.parse(strFromU8(result.files.get(file)!)) as Record<string, string>;
      search.samplePrompts.forEach((_: unknown, i: number) =>
        expect(texts[`composeExtensions[0].commands[0].samplePrompts[${i}].text`]).toBeTruthy(),
      );
    }
    expect(manifest.webApplicationInfo).toEqual({
      id: local.get('AAD_APP_CLIENT_ID'),
      resource: `api://${local.get('TAB_DOMAIN')}/${local.get('AAD_APP_CLIENT_ID')}`,
    });
    expect(
      manifest.localizationInfo.additionalLanguages.map((l: { languageTag: string }) => l.languageTag),
    ).toEqual(['nl', 'pt-BR', 'nb']);
  });

  it('translates the same strings in every language file', () => {
    const keys = ['nl.json', 'pt-BR.json', 'nb.json'].map((file) =>
      Object.keys(JSON.parse(readFileSync(join(appDir, file), 'utf8'))).sort(),
    );
    expect(keys[1]).toEqual(keys[0]);
    expect(keys[2]).toEqual(keys[0]);
  });

  it('is the same zip, byte for byte, for the same inputs', () => {
    const first = buildAppPackage(appDir, local);
    const second = buildAppPackage(appDir, local);
    expect(first.ok && second.ok && Buffer.from(first.zip).equals(Buffer.from(second.zip))).toBe(true);
  });

  it.each([
    ['a placeholder without a value', { BOT_ID: undefined }, 'manifest.json: BOT_ID: not set'],
    [
      'an environment not provisioned yet',
      { TEAMS_APP_ID: '' },
      'manifest.json: TEAMS_APP_ID: empty (not provisioned yet?)',
    ],
    ['an app id that is no GUID', { TEAMS_APP_ID: 'my-app' }, 'manifest.json: /id must match pattern'],
    // Only visible once filled: the schema allows 30 characters for name.short, in every language.
    [
      'a name too long once filled',
      { APP_NAME_SUFFIX: ' (a much too long suffix)' },
      '/name/short must NOT have more than 30',
    ],
    [
      'a language file too long once filled',
      { APP_NAME_SUFFIX: ' (a much too long suffix)' },
      'nb.json: /name.short must NOT have more',
    ],
  ])('refuses %s', (_, changes, problem) => {
    const problems = problemsOf(buildAppPackage(appDir, withValues(changes)));
    expect(problems).toEqual(expect.arrayContaining([expect.stringContaining(problem)]));
  });

  describe('with broken sources', () => {
    let dir: string;
    beforeEach(() => {
      dir = scratchAppDir();
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('refuses a translation of something the manifest does not have', () => {
      editJson(join(dir, 'nl.json'), (nl) => {
        nl['bots[0].commandLists[0].commands[10].description'] = 'Bestaat niet';
      });
      expect(problemsOf(buildAppPackage(dir, local))).toEqual([
        'nl.json: "bots[0].commandLists[0].commands[10].description" translates nothing in the manifest',
      ]);
    });

    it('refuses a language file on another schema version than the manifest', () => {
      editJson(join(dir, 'pt-BR.json'), (pt) => {
        pt.$schema = String(pt.$schema).replace('v1.30', 'v1.29');
      });
      expect(problemsOf(buildAppPackage(dir, local))).toEqual([
        'pt-BR.json: $schema is v1.29, the manifest is v1.30',
      ]);
    });

    it('refuses an outline icon that is not a white 32×32 on transparent', () => {
      cpSync(join(dir, 'color.png'), join(dir, 'outline.png'));
      expect(problemsOf(buildAppPackage(dir, local))).toEqual([
        'icons.outline (outline.png): 192×192, Teams wants 32×32',
        'icons.outline: only white and transparent pixels are allowed',
      ]);
    });

    it('refuses a compose extension that is not on the bot', () => {
      editJson(join(dir, 'manifest.json'), (manifest) => {
        (manifest.composeExtensions as { botId: string }[])[0]!.botId = '${{AAD_APP_CLIENT_ID}}';
      });
      expect(problemsOf(buildAppPackage(dir, local))).toEqual([
        expect.stringMatching(/^composeExtensions\[0\]\.botId .* is not the bot's id/),
      ]);
    });

    it('refuses a file the manifest names but the package lacks', () => {
      rmSync(join(dir, 'nb.json'));
      expect(problemsOf(buildAppPackage(dir, local))).toEqual(['nb.json: named in the manifest but missing']);
    });
  });
});
