import { parseInput } from '../common/validation';
import {
  MemberAddInputSchema,
  MemberPatchInputSchema,
  WorkspaceCreateInputSchema,
  WorkspacePatchInputSchema,
} from './workspace.schema';

const failedFields = (result: ReturnType<typeof parseInput>) =>
  Object.keys((!result.ok && result.error.fields) || {});

describe('workspace input schemas', () => {
  it('given a name only, then the default currency is EUR', () => {
    expect(WorkspaceCreateInputSchema.parse({ name: 'Sales NL' })).toEqual({
      name: 'Sales NL',
      defaultCurrency: 'EUR',
    });
  });

  it('given a team and a currency, then they parse (currency upper-cased)', () => {
    expect(
      WorkspaceCreateInputSchema.parse({
        name: 'Salg',
        teamId: '19:abc123@thread.tacv2',
        defaultCurrency: 'nok',
      }),
    ).toEqual({ name: 'Salg', teamId: '19:abc123@thread.tacv2', defaultCurrency: 'NOK' });
  });

  it('given a settings patch with stages, then it parses', () => {
    const stages = [{ id: 'first-call', probability: 10, forecastCategory: 'pipeline' }];
    expect(WorkspacePatchInputSchema.parse({ staleAfterDays: 30, stages })).toEqual({
      staleAfterDays: 30,
      stages,
    });
  });

  it.each([
    [WorkspaceCreateInputSchema, {}, 'name'],
    [WorkspaceCreateInputSchema, { name: 'X', teamId: 'a/b' }, 'teamId'],
    [WorkspaceCreateInputSchema, { name: 'X', defaultCurrency: 'euro' }, 'defaultCurrency'],
    [WorkspaceCreateInputSchema, { name: 'X', tenantId: 't' }, '(body)'],
    [WorkspacePatchInputSchema, { staleAfterDays: 0 }, 'staleAfterDays'],
    [WorkspacePatchInputSchema, { staleAfterDays: 2.5 }, 'staleAfterDays'],
    [WorkspacePatchInputSchema, { stages: [] }, 'stages'],
    [WorkspacePatchInputSchema, { teamId: 'x' }, '(body)'],
    [
      WorkspacePatchInputSchema,
      { morningDigest: { enabled: true, timeZone: 'Mars/Olympus' } },
      'morningDigest.timeZone',
    ],
    [WorkspacePatchInputSchema, { morningDigest: { timeZone: 'UTC' } }, 'morningDigest.enabled'],
    [MemberAddInputSchema, { userId: 'u-1' }, 'role'],
    [MemberAddInputSchema, { userId: 'u 1', role: 'member' }, 'userId'],
    [MemberAddInputSchema, { userId: 'u-1', role: 'admin' }, 'role'],
    [MemberPatchInputSchema, { role: 'member', name: 'x' }, '(body)'],
  ] as const)('given %#: %j, then it is rejected', (schema, input, field) => {
    expect(failedFields(parseInput(schema, input))).toContain(field);
  });
});
