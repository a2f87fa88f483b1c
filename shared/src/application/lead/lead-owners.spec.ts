import { anActor, asCaller, codeOf, expectOk, inMemoryApp } from '../../testing/app-harness';
import { getWorkspace, addMember, createWorkspace, updateWorkspace } from '../workspace/workspace.use-case';
import { importRecords } from '../imports/import-records.use-case';
import { createLead } from './lead.use-case';

const alex = anActor({ userId: 'alex' });
const caller = asCaller(alex);

async function* rowsOf(rows: readonly (readonly string[])[]): AsyncGenerator<readonly string[]> {
  for (const row of rows) yield row;
}

/** A workspace of Alex (owner), Megan and Adele, with the round-robin on for Megan and Adele unless told. */
async function given(memberIds: readonly string[] = ['megan', 'adele']) {
  const app = inMemoryApp();
  const ws = expectOk(await createWorkspace(app.deps, alex, { name: 'Salg' })).record.id;
  for (const userId of ['megan', 'adele'])
    expectOk(await addMember(app.deps, alex, ws, { userId, role: 'member' }));
  const etag = expectOk(await getWorkspace(app.deps, alex, ws)).version;
  expectOk(
    await updateWorkspace(app.deps, alex, ws, etag, { leadAssignment: { mode: 'round-robin', memberIds } }),
  );
  const newLead = async (body: object = {}) =>
    expectOk(await createLead(app.deps, caller, ws, { lastName: 'Nordmann', ...body })).record.ownerId;
  return { app, ws, newLead };
}

describe('owners of new leads', () => {
  it('given the round-robin on, then new leads go to its members in turn; a lead that names its owner keeps it', async () => {
    const { newLead } = await given();

    const owners = [await newLead(), await newLead(), await newLead({ ownerId: 'alex' }), await newLead()];

    expect(owners).toEqual(['megan', 'adele', 'alex', 'megan']);
  });

  it('given leads created at the same moment, then nobody gets two before everyone had one', async () => {
    const { newLead } = await given(['alex', 'megan', 'adele']);

    const owners = await Promise.all([newLead(), newLead(), newLead()]);

    expect([...owners].sort()).toEqual(['adele', 'alex', 'megan']);
  });

  it('given an import of five leads, then they go round in turn and the next create carries on', async () => {
    const { app, ws, newLead } = await given();
    const rows = [
      ['lastName', 'email'],
      ...[1, 2, 3, 4, 5].map((n) => [`Nordmann ${n}`, `n${n}@fjordlys.example`]),
    ];

    expectOk(await importRecords(app.deps, caller, ws, rowsOf(rows)));
    const owners: string[] = [];
    for await (const { record } of app.deps.records.scan(ws, 'lead')) owners.push(record.ownerId);

    expect(owners.sort()).toEqual(['adele', 'adele', 'megan', 'megan', 'megan']);
    expect(await newLead()).toBe('adele');
  });

  it('given the creator mode (or no setting), then the creator owns the lead', async () => {
    const { newLead, app, ws } = await given();
    const etag = expectOk(await getWorkspace(app.deps, alex, ws)).version;
    expectOk(
      await updateWorkspace(app.deps, alex, ws, etag, { leadAssignment: { mode: 'creator', memberIds: [] } }),
    );

    expect(await newLead()).toBe('alex');
  });

  it('given someone who is not a member in the round-robin, then OWNER.NOT_A_MEMBER', async () => {
    const { app, ws } = await given();
    const etag = expectOk(await getWorkspace(app.deps, alex, ws)).version;

    const result = await updateWorkspace(app.deps, alex, ws, etag, {
      leadAssignment: { mode: 'round-robin', memberIds: ['megan', 'mallory'] },
    });

    expect(codeOf(result)).toBe('OWNER.NOT_A_MEMBER');
    expect(!result.ok && result.error.fields).toEqual({
      'leadAssignment.memberIds': 'mallory is not a member',
    });
  });
});
