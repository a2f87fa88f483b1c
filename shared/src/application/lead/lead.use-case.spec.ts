import type { Result } from '../../common/result';
import { anActor, asCaller, inMemoryApp, type TestApp } from '../../testing/app-harness';
import { convertLead } from './convert-lead.use-case';
import { createLead, disqualifyLead, reopenLead } from './lead.use-case';
import { getRecord } from '../record/records.use-case';
import { createWorkspace } from '../workspace/workspace.use-case';

const anna = anActor();
const caller = asCaller(anna);

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

async function givenLead(app: TestApp, then: 'open' | 'disqualified' | 'converted') {
  const ws = value(await createWorkspace(app.deps, anna, { name: 'Salg' })).record.id;
  const { record, version } = value(await createLead(app.deps, caller, ws, { lastName: 'Hansen' }));
  if (then === 'open') return { ws, id: record.id, version };
  if (then === 'converted') {
    const converted = value(await convertLead(app.deps, caller, ws, record.id, {}));
    return { ws, id: record.id, version: converted.lead.version };
  }
  const closed = value(
    await disqualifyLead(app.deps, caller, ws, record.id, version, { reason: 'No budget' }),
  );
  return { ws, id: record.id, version: closed.version, before: version };
}

describe('reopenLead use case', () => {
  it('given a disqualified lead and its version, when reopened, then it is working-contacted without its reason', async () => {
    const app = inMemoryApp();
    const { ws, id, version } = await givenLead(app, 'disqualified');

    const reopened = value(await reopenLead(app.deps, caller, ws, id, version));

    expect(reopened.record.status).toBe('working-contacted');
    expect(reopened.record).not.toHaveProperty('disqualificationReason');
    expect(reopened.version).not.toBe(version);
    expect(value(await getRecord(app.deps, caller, ws, 'lead', id))).toEqual(reopened);
  });

  it.each([
    ['open', 'LEAD.INVALID_TRANSITION'],
    ['converted', 'LEAD.READ_ONLY'],
  ] as const)('given an %s lead, when reopened, then %s and nothing changes', async (state, code) => {
    const app = inMemoryApp();
    const { ws, id, version } = await givenLead(app, state);

    const result = await reopenLead(app.deps, caller, ws, id, version);

    expect(result.ok || result.error.code).toBe(code);
    expect(value(await getRecord(app.deps, caller, ws, 'lead', id)).version).toBe(version);
  });

  it('given no version, or the one from before it was disqualified, then it asks for the version or says the lead changed', async () => {
    const app = inMemoryApp();
    const { ws, id, before } = await givenLead(app, 'disqualified');

    const none = await reopenLead(app.deps, caller, ws, id, undefined);
    const old = await reopenLead(app.deps, caller, ws, id, before);

    expect(none.ok || none.error.code).toBe('CONCURRENCY.VERSION_REQUIRED');
    expect(old.ok || old.error.code).toBe('CONCURRENCY.STALE');
  });

  it('given a non-member, then the workspace is not found', async () => {
    const app = inMemoryApp();
    const { ws, id, version } = await givenLead(app, 'disqualified');

    const result = await reopenLead(app.deps, asCaller(anActor({ userId: 'user-other' })), ws, id, version);

    expect(result.ok || result.error.code).toBe('WORKSPACE.NOT_FOUND');
  });
});
