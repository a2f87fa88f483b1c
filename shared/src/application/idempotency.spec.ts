import { StorageBusyError } from '../common/storage-busy';
import type { RecordRepository } from './ports';
import { anActor, asCaller, inMemoryApp } from '../testing/app-harness';
import { convertLead } from './lead/convert-lead.use-case';
import { createLead } from './lead/lead.use-case';
import { createWorkspace } from './workspace/workspace.use-case';

const anna = anActor();
const lostAnswer = () =>
  new StorageBusyError('connection lost after the batch was sent (test)', {
    retryAfterMs: 1_000,
    ambiguous: true,
  });

/** Records whose next commit is applied, but whose answer never reaches the caller. */
function losingNextAnswer(records: RecordRepository): RecordRepository & { lose(): void } {
  let lose = false;
  return Object.assign(
    new Proxy(records, {
      get(target, property) {
        if (property === 'commit')
          return async (...args: Parameters<RecordRepository['commit']>) => {
            const result = await target.commit(...args);
            if (lose) {
              lose = false;
              throw lostAnswer();
            }
            return result;
          };
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    }),
    { lose: () => void (lose = true) },
  );
}

async function setUp() {
  const app = inMemoryApp();
  const records = losingNextAnswer(app.deps.records);
  const deps = { ...app.deps, records };
  const created = await createWorkspace(deps, anna, { name: 'Vendas' });
  if (!created.ok) throw new Error(created.error.code);
  const ws = created.value.record.id;
  return { app, deps, records, ws };
}

describe('idempotent writes whose commit answer was lost', () => {
  it('given a keyed create applied by storage but answered by a lost connection, then the caller gets the created lead (recognised by its idempotency row), once', async () => {
    const { deps, records, ws } = await setUp();
    records.lose();

    const result = await createLead(deps, asCaller(anna, 'create-1'), ws, {
      firstName: 'João',
      lastName: 'Pereira',
      source: 'web',
    });

    expect(result).toMatchObject({ ok: true, value: { record: { lastName: 'Pereira' } } });
    const again = await createLead(deps, asCaller(anna, 'create-1'), ws, {
      firstName: 'João',
      lastName: 'Pereira',
      source: 'web',
    });
    expect(again.ok && result.ok && again.value.record.id).toBe(result.ok && result.value.record.id);
  });

  it('given a keyed conversion applied but its answer lost, then it answers the conversion, not STALE or ALREADY_CONVERTED', async () => {
    const { deps, records, ws } = await setUp();
    const lead = await createLead(deps, asCaller(anna), ws, {
      firstName: 'João',
      lastName: 'Pereira',
      company: 'Exemplo Lda',
      source: 'web',
    });
    if (!lead.ok) throw new Error(lead.error.code);
    records.lose();

    const converted = await convertLead(deps, asCaller(anna, 'convert-1'), ws, lead.value.record.id, {});

    expect(converted).toMatchObject({
      ok: true,
      value: { lead: { record: { status: 'closed-converted' } } },
    });
  });

  it('given no key, then nothing can tell: the busy error reaches the caller (503, not a silent success)', async () => {
    const { deps, records, ws } = await setUp();
    records.lose();

    await expect(
      createLead(deps, asCaller(anna), ws, { firstName: 'Ana', lastName: 'Silva', source: 'web' }),
    ).rejects.toBeInstanceOf(StorageBusyError);
  });

  it('given a refused write (not ambiguous), then the error reaches the caller as is', async () => {
    const { deps, ws } = await setUp();
    const refusing = {
      ...deps,
      records: new Proxy(deps.records, {
        get: (target, property) =>
          property === 'commit'
            ? async () => {
                throw new StorageBusyError('503 ServerBusy (test)', {
                  retryAfterMs: 1_000,
                  ambiguous: false,
                });
              }
            : Reflect.get(target, property, target),
      }),
    };
    await expect(
      createLead(refusing, asCaller(anna, 'k'), ws, { firstName: 'Ana', lastName: 'Silva', source: 'web' }),
    ).rejects.toMatchObject({ ambiguous: false });
  });
});
