import fc from 'fast-check';
import { insertCost } from '../records/row-plan';
import { aLead, anActivity, anOrganisation } from '../testing/builders';
import { planChangeSet } from './change-set-actions';

const WS = 'ws-test';
const plannedActions = (
  kind: 'lead' | 'organisation' | 'activity',
  record: Parameters<typeof insertCost>[1],
) => planChangeSet(WS, { writes: [{ type: 'insert', kind, record }], events: [] }, new Map()).actions.length;

describe('insertCost', () => {
  it('given any lead, then it is exactly the operations storage plans for inserting it', () => {
    const text = fc.option(fc.string({ maxLength: 60 }), { nil: undefined });
    fc.assert(
      fc.property(
        text,
        fc.string({ minLength: 1, maxLength: 60 }),
        text,
        fc.option(fc.emailAddress(), { nil: undefined }),
        (firstName, lastName, company, email) => {
          const lead = aLead({ firstName, lastName, company, email });
          expect(insertCost('lead', lead)).toBe(plannedActions('lead', lead));
        },
      ),
    );
  });

  it('given an organisation and an activity, then it counts their index and regarding rows too', () => {
    const org = anOrganisation({ name: 'Bakkerij de Zon Amsterdam' });
    const activity = anActivity({ subject: 'Belde om offerte' });
    expect(insertCost('organisation', org)).toBe(plannedActions('organisation', org));
    expect(insertCost('activity', activity)).toBe(plannedActions('activity', activity));
  });
});
