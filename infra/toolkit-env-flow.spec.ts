import { traceEnvFlow, type ToolkitProject } from './toolkit-env-flow';

const files: Record<string, string> = {
  'infra/main.bicep': "output siteDomain string = 'x'\noutput SITE_ID string = 'y'\n",
  'infra/params.json': '{"parameters":{"clientId":{"value":"${{CLIENT_ID}}"}}}',
  'aad.json': '{"id":"${{AAD_APP_ACCESS_AS_USER_PERMISSION_ID}}","uri":"api://${{SITEDOMAIN}}"}',
  'app/manifest.json': '{"id":"${{APP_ID}}","localizationInfo":{"additionalLanguages":[{"file":"nl.json"}]}}',
  'app/nl.json': '{"name.short":"${{NL_NAME}}"}',
};
const read = (path: string) => {
  const text = files[path.replace(/^\.\//, '')];
  if (text === undefined) throw new Error(`no ${path}`);
  return text;
};
const arm = {
  uses: 'arm/deploy',
  with: { templates: [{ path: 'infra/main.bicep', parameters: 'infra/params.json' }] },
};

describe('traceEnvFlow', () => {
  it('accepts names written by earlier actions, ARM outputs upper-cased', () => {
    const project: ToolkitProject = {
      provision: [
        { uses: 'aadApp/create', writeToEnvironmentFile: { clientId: 'CLIENT_ID' } },
        arm,
        { uses: 'aadApp/update', with: { manifestPath: 'aad.json' } },
      ],
      deploy: [{ uses: 'azureAppService/zipDeploy', with: { resourceId: '${{SITE_ID}}' } }],
    };
    expect(traceEnvFlow(project, [], read)).toEqual({
      problems: [],
      written: new Set(['CLIENT_ID', 'SITEDOMAIN', 'SITE_ID', 'AAD_APP_ACCESS_AS_USER_PERMISSION_ID']),
    });
  });

  it('reports names read before they are written: in `with`, ARM parameters and the Teams manifest', () => {
    const project: ToolkitProject = {
      provision: [arm, { uses: 'teamsApp/zipAppPackage', with: { manifestPath: './app/manifest.json' } }],
      publish: [{ uses: 'teamsApp/update', with: { appPackagePath: 'build/${{TEAMSFX_ENV}}.zip' } }],
    };
    expect(traceEnvFlow(project, ['APP_ID'], read).problems).toEqual([
      'provision[0] arm/deploy: reads CLIENT_ID, unset by then',
      'provision[1] teamsApp/zipAppPackage: reads NL_NAME, unset by then',
      'publish[0] teamsApp/update: reads TEAMSFX_ENV, unset by then',
    ]);
  });
});
