import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { parseEnvFile } from '../appPackage/scripts/env-file';
import { OFFLINE_ID } from '../appPackage/scripts/prepare-local-env';
import { APP_ARTIFACTS } from '../scripts/deploy/app-artifacts';
import { DEFAULT_OUT_DIR } from '../scripts/package-apps';
import { traceEnvFlow, type ToolkitProject } from './toolkit-env-flow';

const root = join(__dirname, '..');
const readProjectFile = (path: string) => readFileSync(join(root, path), 'utf8');
const schema = JSON.parse(
  readFileSync(join(__dirname, 'vendor', 'm365agents-yaml.schema.v1.12.json'), 'utf8'),
);

// As the toolkit CLI compiles it (its yml Validator).
const ajv = new Ajv({ allowUnionTypes: true, allErrors: true });
ajv.addKeyword('deprecationMessage');
const validate = ajv.compile(schema);
const errorsOf = (document: unknown): string[] =>
  validate(document) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);

const project = (file: string) => parse(readProjectFile(file)) as ToolkitProject & { version: string };
const envFile = (name: string) => parseEnvFile(readProjectFile(`env/.env.${name}`));

/** Filled in by the toolkit itself when empty: it asks for the first two, generates the suffix. */
const TOOLKIT_SUPPLIED = ['AZURE_SUBSCRIPTION_ID', 'AZURE_RESOURCE_GROUP_NAME', 'RESOURCE_SUFFIX'];
const withValues = (env: Map<string, string>) =>
  [...env].filter(([, value]) => value !== '').map(([name]) => name);

describe.each(['teamsapp.yml', 'teamsapp.local.yml'])('%s', (file) => {
  it("validates against the toolkit's YAML schema", () => {
    expect(errorsOf(project(file))).toEqual([]);
    expect(project(file).version).toBe(schema.properties.version.const);
  });

  it('would fail that schema with a misspelled action (the check can fail)', () => {
    const broken = project(file);
    broken.provision![0]!.uses = 'teamsApp/creat';
    expect(errorsOf(broken)).not.toEqual([]);
  });
});

describe('teamsapp.yml (dev, in Azure)', () => {
  const env = envFile('dev');
  const flow = traceEnvFlow(
    project('teamsapp.yml'),
    [...withValues(env), ...TOOLKIT_SUPPLIED],
    readProjectFile,
  );

  it('sets every variable before an action, the ARM parameters, the Entra or the Teams manifest reads it', () => {
    expect(flow.problems).toEqual([]);
  });

  it("writes what deploy needs from infra/azure.bicep's outputs", () => {
    const needed = [
      'TAB_AZURE_APP_SERVICE_RESOURCE_ID',
      'BOT_AZURE_APP_SERVICE_RESOURCE_ID',
      'TAB_DOMAIN',
      'TAB_ENDPOINT',
      'BOT_ENDPOINT',
    ];
    expect(needed.filter((name) => !flow.written.has(name))).toEqual([]);
  });

  it('deploys exactly the artifacts `npm run package:apps` builds, fresh, one to each app', () => {
    type Step = { uses: string; with?: Record<string, string> };
    const deploy = (project('teamsapp.yml').deploy ?? []) as Step[];
    expect(deploy.map((step) => [step.uses, step.with?.args])).toEqual([
      ['cli/runNpmCommand', 'ci'],
      // The live tab's browser files go into the new tab artifact, for pages opened before the deploy.
      ['cli/runNpmCommand', 'run package:apps -- --keep-assets-from=${{TAB_ENDPOINT}}'],
      ...APP_ARTIFACTS.map(() => ['azureAppService/zipDeploy', undefined]),
    ]);
    const uploads = deploy.filter((step) => step.uses === 'azureAppService/zipDeploy');
    expect(uploads.map((step) => step.with)).toEqual(
      APP_ARTIFACTS.map(({ name }) => ({
        artifactFolder: `./${DEFAULT_OUT_DIR}/${name}`,
        // The toolkit writes its zip of the folder here: outside the folder, never inside it.
        outputZipFile: `./${DEFAULT_OUT_DIR}/upload/${name}.zip`,
        resourceId: `\${{${name.toUpperCase()}_AZURE_APP_SERVICE_RESOURCE_ID}}`,
      })),
    );
    const scripts = (JSON.parse(readProjectFile('package.json')) as { scripts: Record<string, string> })
      .scripts;
    expect(scripts['package:apps']).toBe('tsx scripts/package-apps.ts');
  });

  it('lists in env/.env.dev exactly the variables provisioning writes (secrets aside) and the built-ins', () => {
    const written = [...flow.written].filter((name) => !name.startsWith('SECRET_'));
    const builtIn = ['TEAMSFX_ENV', 'APP_NAME_SUFFIX', ...TOOLKIT_SUPPLIED];
    expect([...env.keys()].sort()).toEqual([...new Set([...builtIn, ...written])].sort());
  });
});

describe('teamsapp.local.yml', () => {
  it('sets every variable before an action reads it, once the offline ids are forgotten', () => {
    const env = envFile('local');
    const initial = withValues(env).filter((name) => !OFFLINE_ID.test(env.get(name) ?? ''));
    expect(traceEnvFlow(project('teamsapp.local.yml'), initial, readProjectFile).problems).toEqual([]);
  });

  it('starts provisioning with the script that forgets the offline ids', () => {
    expect(project('teamsapp.local.yml').provision?.[0]).toMatchObject({
      uses: 'script',
      with: { run: 'npx tsx appPackage/scripts/prepare-local-env.ts' },
    });
  });

  it('registers the bot with a single-tenant Entra app and hands the bot that tenant, as its code expects', () => {
    const local = project('teamsapp.local.yml');
    const botApp = (local.provision ?? []).find(
      (action) => action.uses === 'aadApp/create' && action.writeToEnvironmentFile?.clientId === 'BOT_ID',
    );
    expect(botApp?.with?.signInAudience).toBe('AzureADMyOrg');
    expect(botApp?.writeToEnvironmentFile?.tenantId).toBe('BOT_TENANT_ID');
    expect(readProjectFile('teamsapp.local.yml')).toMatch(/^ {8}BOT_TENANT_ID: \$\{\{BOT_TENANT_ID\}\}$/m);
    expect(readProjectFile('bot/src/teams/teams-endpoint.ts')).toMatch(/MicrosoftAppType: 'SingleTenant'/);
  });

  it('writes to .data/teams.local.env only variables the tab server or the bot reads', () => {
    const write = (project('teamsapp.local.yml').deploy ?? []).find(
      (action) => action.uses === 'file/createOrUpdateEnvironmentFile',
    );
    const names = Object.keys((write?.with?.envs ?? {}) as Record<string, string>);
    expect(names.length).toBeGreaterThan(0);
    const read = ['tab/server/config.ts', 'bot/src/config.ts'].map(readProjectFile).join('\n');
    expect(names.filter((name) => !new RegExp(`\\b${name}\\b`).test(read))).toEqual([]);
  });

  it('deploys nothing to Azure', () => {
    const uses = Object.values(project('teamsapp.local.yml'))
      .flatMap((actions) => (Array.isArray(actions) ? actions : []))
      .map((action: { uses: string }) => action.uses);
    expect(uses.filter((name) => /^(arm|azure)/.test(name))).toEqual([]);
  });
});

describe('env/ templates', () => {
  it.each(['dev', 'local'])(
    'env/.env.%s holds no secret (those go to the git-ignored .user file)',
    (name) => {
      expect([...envFile(name).keys()].filter((key) => /SECRET|PASSWORD/.test(key))).toEqual([]);
    },
  );
});
