import { DEFAULT_STAGES } from '../opportunity/stage';
import { decideWorkspaceCreation } from './create-workspace';
import { T0, TENANT } from './workspace.fixtures';
import { WorkspaceCreateInputSchema } from './workspace.schema';

describe('decideWorkspaceCreation', () => {
  const ctx = { id: 'ws-1', tenantId: TENANT, actor: 'alice', now: T0 };

  it('given a name, then the workspace has the default settings and the creator is its owner', () => {
    const result = decideWorkspaceCreation(WorkspaceCreateInputSchema.parse({ name: 'Sales NL' }), {
      ...ctx,
      actorName: 'Alice',
    });
    expect(result).toEqual({
      ok: true,
      value: {
        workspace: {
          id: 'ws-1',
          tenantId: TENANT,
          name: 'Sales NL',
          settings: { defaultCurrency: 'EUR', stages: DEFAULT_STAGES, staleAfterDays: 14 },
          createdAt: T0,
          createdBy: 'alice',
          updatedAt: T0,
          updatedBy: 'alice',
        },
        owner: {
          workspaceId: 'ws-1',
          tenantId: TENANT,
          userId: 'alice',
          role: 'owner',
          name: 'Alice',
          addedAt: T0,
          addedBy: 'alice',
        },
      },
    });
  });

  it('given a team and a currency, then the workspace is bound to the team and counts in that currency', () => {
    const input = WorkspaceCreateInputSchema.parse({
      name: 'Salg',
      teamId: '19:abc@thread.tacv2',
      defaultCurrency: 'NOK',
    });
    expect(decideWorkspaceCreation(input, ctx)).toMatchObject({
      ok: true,
      value: { workspace: { teamId: '19:abc@thread.tacv2', settings: { defaultCurrency: 'NOK' } } },
    });
  });
});
