/** @jest-environment jsdom */
import type { Contact, Organisation } from '@crm/shared';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ActivitiesView } from '../activities/ActivitiesView';
import { ContactsView } from '../contacts/ContactsView';
import { fakeApi } from '../testing/fake-api';
import { renderView } from '../testing/render-view';
import { OrganisationsView } from './OrganisationsView';

/** Jansen Transport with a contact, Pieter, and a deal in the proposal stage. */
async function seeded() {
  const fake = await fakeApi();
  const org = await fake.add<Organisation>('organisations', {
    name: 'Jansen Transport BV',
    status: 'customer',
    ownerId: 'erin',
  });
  const contact = await fake.add<Contact>('contacts', {
    organisationId: org.id,
    firstName: 'Pieter',
    lastName: 'Jansen',
    relationship: 'customer',
  });
  await fake.add('opportunities', {
    organisationId: org.id,
    name: 'Fleet renewal',
    amount: 12500,
    currency: 'EUR',
    stage: 'proposal',
  });
  return { fake, org, contact };
}

describe('organisations and contacts', () => {
  it('lists organisations with their status, and creates one with the shared schema', async () => {
    const { fake } = await seeded();
    const user = userEvent.setup({ delay: null });
    renderView(<OrganisationsView workspaceId="ws" />, fake.api);
    const table = await screen.findByRole('table', { name: 'Organisations' });
    expect(within(table).getByRole('cell', { name: 'Customer' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'New organisation' }));
    const dialog = await screen.findByRole('dialog', { name: 'New organisation' });
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(await within(dialog).findByText('This field is required.')).toBeTruthy();
    await user.type(within(dialog).getByRole('textbox', { name: /^Name/ }), 'Souza Ltda');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    await screen.findByText('Souza Ltda was created.');
    expect(fake.bodiesOf('POST', '/organisations')).toEqual([{ name: 'Souza Ltda', status: 'prospect' }]);
  });

  it('shows an organisation with links to its contacts and deals, amounts in the user’s language', async () => {
    const { fake, org, contact } = await seeded();
    renderView(<OrganisationsView workspaceId="ws" recordId={org.id} />, fake.api, { language: 'nl' });
    await screen.findByRole('heading', { name: 'Jansen Transport BV' });
    const contacts = await screen.findByRole('table', { name: 'Contactpersonen bij Jansen Transport BV' });
    expect(within(contacts).getByRole('link', { name: 'Pieter Jansen' }).getAttribute('href')).toBe(
      `#/w/ws/contacts/${contact.id}`,
    );
    const deals = await screen.findByRole('table', { name: 'Verkoopkansen met Jansen Transport BV' });
    expect(within(deals).getByRole('cell', { name: /^€\s12\.500,00$/ })).toBeTruthy();
    expect(within(deals).getByRole('cell', { name: 'Offerte' })).toBeTruthy();
  });

  it('shows a contact with a link to its organisation, and logs a call on it', async () => {
    const { fake, contact } = await seeded();
    const user = userEvent.setup({ delay: null });
    renderView(<ContactsView workspaceId="ws" recordId={contact.id} />, fake.api);
    await screen.findByRole('heading', { name: 'Pieter Jansen' });
    expect(await screen.findByRole('link', { name: 'Jansen Transport BV' })).toBeTruthy();
    await screen.findByText('Nothing logged yet.');
    await user.click(screen.getByRole('button', { name: 'New activity' }));
    const dialog = await screen.findByRole('dialog', { name: 'New activity' });
    await user.type(within(dialog).getByRole('textbox', { name: /^Subject/ }), 'Intro call');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    // In the timeline, its subject opens the activity's own page.
    const logged = await screen.findByRole('link', { name: 'Intro call' });
    expect(logged.closest('li')?.textContent).toMatch(/^Call: Intro call/);
    expect(logged.getAttribute('href')).toMatch(/^#\/w\/ws\/activities\/id-/);
    // Logged as done, when it happened (now), owned by whoever logged it.
    expect(fake.bodiesOf('POST', '/activities')).toEqual([
      {
        regarding: { type: 'contact', id: contact.id },
        type: 'call',
        subject: 'Intro call',
        completed: true,
        occurredAt: expect.any(String),
      },
    ]);
  });

  it('lists every activity and opens one with a link to what it concerns', async () => {
    const { fake, org } = await seeded();
    await fake.add('activities', {
      type: 'meeting',
      subject: 'Demo',
      occurredAt: '2026-11-02T09:30:00.000Z',
      regarding: { type: 'organisation', id: org.id },
    });
    renderView(<ActivitiesView workspaceId="ws" />, fake.api);
    const table = await screen.findByRole('table', { name: 'Activities' });
    expect(within(table).getByRole('cell', { name: 'Meeting' })).toBeTruthy();
    expect(within(table).getByRole('link', { name: 'Demo' })).toBeTruthy();
  });
});
