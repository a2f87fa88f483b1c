/** @jest-environment jsdom */
import type { Activity, Contact, Organisation } from '@crm/shared';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ContactsView } from '../contacts/ContactsView';
import { ORGANISATION_ENTITY } from '../organisations/organisation-entity';
import { OrganisationsView } from '../organisations/OrganisationsView';
import { fakeApi, WS } from '../testing/fake-api';
import { renderView } from '../testing/render-view';
import { MergeDialog } from './MergeDialog';

/** Fjordlys twice: the one we keep has no website; the other has one, a contact and a call. */
async function twoFjordlys() {
  const fake = await fakeApi();
  const kept = await fake.add<Organisation>('organisations', {
    name: 'Fjordlys Logistikk AS',
    status: 'customer',
    city: 'Bergen',
  });
  const other = await fake.add<Organisation>('organisations', {
    name: 'Fjordlys Logistikk',
    status: 'prospect',
    city: 'Oslo',
    website: 'https://fjordlys.example',
  });
  const ingrid = await fake.add<Contact>('contacts', {
    organisationId: other.id,
    firstName: 'Ingrid',
    lastName: 'Berg',
    email: 'ingrid@fjordlys.example',
  });
  await fake.add<Activity>('activities', {
    type: 'call',
    subject: 'Intro call',
    regarding: { type: 'organisation', id: other.id },
    completed: true,
  });
  return { fake, kept, other, ingrid };
}

describe('merging two records', () => {
  it('merges two organisations from a row menu: the survivor keeps its name, gains the website; the loser is in the bin, its contact moved', async () => {
    const { fake, kept, other, ingrid } = await twoFjordlys();
    const user = userEvent.setup({ delay: null });
    renderView(<OrganisationsView workspaceId={WS} />, fake.api);
    await user.click(await screen.findByRole('button', { name: 'Actions for Fjordlys Logistikk AS' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Merge with…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Merge Fjordlys Logistikk AS' });
    // Nothing to merge before the other one is chosen.
    expect(within(dialog).getByRole('button', { name: 'Merge' }).hasAttribute('disabled')).toBe(true);
    await user.type(
      within(dialog).getByRole('searchbox', { name: /Find the record to merge with/ }),
      'fjord',
    );
    await user.click(
      await within(dialog).findByRole('button', {
        name: 'Fjordlys Logistikk',
        description: 'Oslo · https://fjordlys.example',
      }),
    );

    // Side by side: the survivor's name and city are kept, the other's website fills in.
    const table = await within(dialog).findByRole('table');
    const row = (field: string) => within(table).getByRole('row', { name: new RegExp(`^${field}`) });
    expect(
      within(row('Name'))
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['Fjordlys Logistikk ASkept', 'Fjordlys Logistikk']);
    expect(
      within(row('Website'))
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['—', 'https://fjordlys.examplefills in']);
    expect(
      within(row('City'))
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['Bergenkept', 'Oslo']);
    // What moves, counted from the lists.
    expect(
      await within(dialog).findByText('Moves to Fjordlys Logistikk AS: 1 contact, 1 activity'),
    ).toBeTruthy();

    await user.click(within(dialog).getByRole('button', { name: 'Merge' }));
    await screen.findByText('Fjordlys Logistikk was merged into Fjordlys Logistikk AS.');
    expect(await screen.findByRole('button', { name: 'Open Fjordlys Logistikk AS' })).toBeTruthy();
    expect(fake.bodiesOf('POST', '/organisations/merge')).toEqual([
      { survivor: { id: kept.id, etag: kept.etag }, loser: { id: other.id, etag: other.etag } },
    ]);

    const survivor = await fake.read<Organisation>('organisations', kept.id);
    expect(survivor).toMatchObject({
      name: 'Fjordlys Logistikk AS',
      city: 'Bergen',
      website: 'https://fjordlys.example',
    });
    await expect(fake.read('organisations', other.id)).rejects.toMatchObject({ status: 404 });
    const bin = await fake.api.recycleBin(WS, {});
    expect(bin.items.map((e) => [e.kind, e.record.id])).toEqual([['organisation', other.id]]);
    expect(await fake.read<Contact>('contacts', ingrid.id)).toMatchObject({ organisationId: kept.id });
    // The list no longer shows the loser.
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Fjordlys Logistikk' })).toBeNull());
  });

  it('merges two selected contacts, keeping the one chosen to stay', async () => {
    const fake = await fakeApi();
    const org = await fake.add<Organisation>('organisations', { name: 'Souza Ltda' });
    const ana = await fake.add<Contact>('contacts', {
      organisationId: org.id,
      firstName: 'Ana',
      lastName: 'Souza',
      email: 'ana@souza.example',
    });
    const anaToo = await fake.add<Contact>('contacts', {
      organisationId: org.id,
      lastName: 'Souza',
      phone: '+55 11 5555 0100',
    });
    const user = userEvent.setup({ delay: null });
    renderView(<ContactsView workspaceId={WS} />, fake.api);
    await user.click(await screen.findByRole('checkbox', { name: 'Select Ana Souza' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select Souza' }));
    await user.click(screen.getByRole('button', { name: 'Merge' }));
    const dialog = await screen.findByRole('dialog');
    // The newest first in the list: Souza; keep Ana instead.
    await user.click(within(dialog).getByRole('radio', { name: 'Keep Ana Souza' }));
    const table = within(dialog).getByRole('table');
    const phone = within(table).getByRole('row', { name: /^Phone/ });
    expect(
      within(phone)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['—', '+55 11 5555 0100fills in']);
    await user.click(within(dialog).getByRole('button', { name: 'Merge' }));
    await screen.findByText('Souza was merged into Ana Souza.');
    expect(await fake.read<Contact>('contacts', ana.id)).toMatchObject({
      firstName: 'Ana',
      email: 'ana@souza.example',
      phone: '+55 11 5555 0100',
    });
    await expect(fake.read('contacts', anaToo.id)).rejects.toMatchObject({ status: 404 });
  });

  it('says why when one of them changed meanwhile, and shows them as they are now', async () => {
    const { fake, kept, other } = await twoFjordlys();
    const user = userEvent.setup({ delay: null });
    // The dialog alone, opened on the two (as two selected rows open it).
    renderView(
      <MergeDialog
        workspaceId={WS}
        entity={{ ...ORGANISATION_ENTITY, plural: 'organisations' }}
        request={{ first: kept, second: other }}
        onClose={() => undefined}
      />,
      fake.api,
    );
    const dialog = await screen.findByRole('dialog', { name: 'Merge Fjordlys Logistikk AS' });
    await within(dialog).findByRole('table');
    await fake.changeBehindTheScenes('organisations', other.id, { city: 'Tromsø' });
    await user.click(within(dialog).getByRole('button', { name: 'Merge' }));
    expect(await within(dialog).findByText(/changed/i)).toBeTruthy();
    expect(await within(dialog).findByRole('cell', { name: 'Tromsø' })).toBeTruthy();
    // The second try, on what is there now, merges.
    await user.click(within(dialog).getByRole('button', { name: 'Merge' }));
    await waitFor(async () =>
      expect(await fake.read<Organisation>('organisations', kept.id)).toMatchObject({
        website: 'https://fjordlys.example',
      }),
    );
  });
});
