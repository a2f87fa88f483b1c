import { anActor, asCaller, codeOf, expectOk, inMemoryApp } from '../../testing/app-harness';
import { createContact } from '../contact/contact.use-case';
import { createOrganisation } from '../organisation/organisation.use-case';
import { createWorkspace } from '../workspace/workspace.use-case';
import {
  conversionMatches,
  duplicatesUnseen,
  findDuplicates,
  matchedRecordKeys,
} from './conversion-matches.use-case';
import { createLead } from './lead.use-case';

const anna = anActor();
const caller = asCaller(anna);

async function given() {
  const app = inMemoryApp();
  const ws = expectOk(await createWorkspace(app.deps, anna, { name: 'Salg' })).record.id;
  const org = (body: object) => createOrganisation(app.deps, caller, ws, body).then(expectOk);
  const lead = (body: object) =>
    createLead(app.deps, caller, ws, { lastName: 'Nordmann', ...body }).then((l) => expectOk(l).record);
  return { app, ws, org, lead };
}

describe('conversionMatches', () => {
  it('given "Jansen Transport B.V.", then a lead of "Jansen Transport BV" finds it as the same name and selects it', async () => {
    const { app, ws, org, lead } = await given();
    const jansen = await org({ name: 'Jansen Transport B.V.' });
    const { id } = await lead({ company: 'Jansen Transport BV' });

    const matches = expectOk(await conversionMatches(app.deps, caller, ws, id));

    expect(
      matches.organisations.map((o) => [o.record.record.id, o.matches.map((m) => m.reason), o.suggested]),
    ).toEqual([[jansen.record.id, ['same-name'], true]]);
  });

  it("given the lead's e-mail is a contact's at Fjordlys Logistikk AS, then that organisation and contact are selected, with why", async () => {
    const { app, ws, org, lead } = await given();
    const fjordlys = await org({ name: 'Fjordlys Logistikk AS', website: 'https://fjordlys.example' });
    const ingrid = expectOk(
      await createContact(app.deps, caller, ws, {
        organisationId: fjordlys.record.id,
        firstName: 'Ingrid',
        lastName: 'Berg',
        email: 'ingrid@fjordlys.example',
      }),
    );
    const { id } = await lead({
      firstName: 'Kari',
      company: 'Fjordlys Logistikk',
      email: 'ingrid@fjordlys.example',
    });

    const matches = expectOk(await conversionMatches(app.deps, caller, ws, id));

    expect(matches.organisations).toEqual([
      {
        record: fjordlys,
        matches: [
          { reason: 'same-email', strength: 'strong' },
          { reason: 'same-domain', strength: 'strong' },
          { reason: 'same-name-but-suffix', strength: 'strong', suffix: 'AS' },
        ],
        strength: 'strong',
        suggested: true,
      },
    ]);
    expect(matches.contacts).toEqual([
      {
        record: ingrid,
        matches: [{ reason: 'same-email', strength: 'strong' }],
        strength: 'strong',
        suggested: true,
      },
    ]);
  });

  it('given a contact with the e-mail at an organisation of another name, then that organisation is offered and selected too', async () => {
    const { app, ws, org, lead } = await given();
    const other = await org({ name: 'Nordlicht Logistics' });
    await createContact(app.deps, caller, ws, {
      organisationId: other.record.id,
      lastName: 'Berg',
      email: 'kari@gmail.com',
    });
    const { id } = await lead({ company: 'Fjordlys', email: 'KARI@gmail.com' });

    const matches = expectOk(await conversionMatches(app.deps, caller, ws, id));

    expect(matches.organisations.map((o) => [o.record.record.name, o.suggested])).toEqual([
      ['Nordlicht Logistics', true],
    ]);
    expect(matches.contacts.map((c) => c.suggested)).toEqual([true]);
  });
});

describe('findDuplicates', () => {
  it('given an e-mail and a company, then leads and contacts with the e-mail and organisations by name', async () => {
    const { app, ws, org, lead } = await given();
    const existing = await lead({ email: 'ingrid@fjordlys.example' });
    const fjordlys = await org({ name: 'Fjordlys Logistikk AS' });
    await org({ name: 'Something Else' });

    const found = expectOk(
      await findDuplicates(app.deps, caller, ws, {
        email: 'Ingrid@Fjordlys.example',
        company: 'Fjordlys Logistikk',
      }),
    );

    expect(found.leads.map((l) => [l.record.record.id, l.strength])).toEqual([[existing.id, 'strong']]);
    expect(found.contacts).toEqual([]);
    expect(found.organisations.map((o) => [o.record.record.id, o.matches.map((m) => m.reason)])).toEqual([
      [fjordlys.record.id, ['same-name-but-suffix']],
    ]);
  });

  it('given nothing to look for, then VALIDATION.FAILED', async () => {
    const { app, ws } = await given();
    expect(codeOf(await findDuplicates(app.deps, caller, ws, {}))).toBe('VALIDATION.FAILED');
    expect(codeOf(await findDuplicates(app.deps, caller, ws, { company: 'x'.repeat(201) }))).toBe(
      'VALIDATION.FAILED',
    );
  });
});

describe('duplicatesUnseen', () => {
  it('given matches a dialog showed, then creating goes ahead; one it did not show, then it is shown first', async () => {
    const { app, ws, org, lead } = await given();
    const existing = await lead({ email: 'kari@fjordlys.example' });
    const fjordlys = await org({ name: 'Fjordlys Logistikk AS' });
    const byEmail = expectOk(await findDuplicates(app.deps, caller, ws, { email: 'kari@fjordlys.example' }));
    const shown = matchedRecordKeys(byEmail);
    expect(shown).toEqual([`lead:${existing.id}`]);
    expect(duplicatesUnseen(byEmail, shown)).toBe(false);

    // The company typed afterwards matches an organisation the dialog did not show.
    const withCompany = expectOk(
      await findDuplicates(app.deps, caller, ws, {
        email: 'kari@fjordlys.example',
        company: 'fjordlys logistikk',
      }),
    );
    expect(duplicatesUnseen(withCompany, shown)).toBe(true);
    expect(duplicatesUnseen(withCompany, matchedRecordKeys(withCompany))).toBe(false);
    expect(matchedRecordKeys(withCompany)).toContain(`organisation:${fjordlys.record.id}`);
  });
});
