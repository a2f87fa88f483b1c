import { outlineBicep } from './bicep-outline';

const sample = `// a comment
@minLength(4)
@description('Base name')
param baseName string

@allowed([
  'B1'
  'P0v3'
])
param sku string = 'B1'

@secure()
param secret string

param location string = resourceGroup().location

var plainVar = 'x'

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: baseName
  sku: {
    name: sku
  }
}

resource channel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  name: 'MsTeamsChannel'
}

output PLAN_ID string = plan.id
`;

describe('outlineBicep', () => {
  const outline = outlineBicep(sample);

  it('reads parameters with their decorators and whether they have a default', () => {
    expect([...outline.params.values()]).toEqual([
      { name: 'baseName', type: 'string', hasDefault: false, decorators: ['minLength', 'description'] },
      { name: 'sku', type: 'string', hasDefault: true, decorators: ['allowed'] },
      { name: 'secret', type: 'string', hasDefault: false, decorators: ['secure'] },
      { name: 'location', type: 'string', hasDefault: true, decorators: [] },
    ]);
  });

  it('reads resources with type, API version and body', () => {
    expect(outline.resources.map(({ symbol, type, apiVersion }) => [symbol, type, apiVersion])).toEqual([
      ['plan', 'Microsoft.Web/serverfarms', '2023-12-01'],
      ['channel', 'Microsoft.BotService/botServices/channels', '2022-09-15'],
    ]);
    expect(outline.resources[0]?.body).toBe('  name: baseName\n  sku: {\n    name: sku\n  }');
  });

  it('reads variables and outputs', () => {
    expect([...outline.vars]).toEqual([['plainVar', "'x'"]]);
    expect([...outline.outputs]).toEqual([['PLAN_ID', 'string']]);
  });
});
