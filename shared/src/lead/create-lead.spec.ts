import { decideLeadCreation } from './create-lead';
import { T0, WS } from './lead.fixtures';
import { LeadCreateInputSchema } from './lead.schema';

describe('decideLeadCreation', () => {
  const ctx = { id: 'lead-7', workspaceId: WS, actor: 'alice', now: T0 };

  it('given only a last name, then it is an open lead owned by the actor, unqualified', () => {
    const result = decideLeadCreation(LeadCreateInputSchema.parse({ lastName: 'Hansen' }), ctx);
    expect(result).toEqual({
      ok: true,
      value: {
        id: 'lead-7',
        workspaceId: WS,
        lastName: 'Hansen',
        source: 'other',
        ownerId: 'alice',
        qualification: { budget: false, authority: false, need: false, timeline: false },
        status: 'open-not-contacted',
        createdAt: T0,
        createdBy: 'alice',
        updatedAt: T0,
        updatedBy: 'alice',
      },
    });
  });

  it('given an owner, a status, a partial qualification and blank fields, then they are honoured and blanks left out', () => {
    const input = LeadCreateInputSchema.parse({
      lastName: 'Hansen',
      email: '',
      ownerId: 'bob',
      status: 'working-contacted',
      qualification: { budget: true, notes: 'Q3' },
    });
    const result = decideLeadCreation(input, ctx);
    if (!result.ok) throw new Error(result.error.code);
    expect(result.value).toMatchObject({
      ownerId: 'bob',
      status: 'working-contacted',
      qualification: { budget: true, authority: false, need: false, timeline: false, notes: 'Q3' },
    });
    expect('email' in result.value).toBe(false);
  });
});
