/** @jest-environment jsdom */
import type { Contact, Lead, Opportunity, Organisation } from '@crm/shared';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi } from '../testing/fake-api';
import { renderView } from '../testing/render-view';
import { GlobalSearch } from './GlobalSearch';

describe('the search across every kind of record', () => {
  it('asks each kind for its first hits with its own q, and shows them grouped, each opening its record', async () => {
    const fake = await fakeApi();
    const org = await fake.add<Organisation>('organisations', {
      name: 'Jansen Transport BV',
      city: 'Utrecht',
    });
    const lead = await fake.add<Lead>('leads', {
      firstName: 'Pieter',
      lastName: 'Jansen',
      company: 'Jansen BV',
    });
    await fake.add<Contact>('contacts', {
      firstName: 'Anna',
      lastName: 'Jansen',
      organisationId: org.id,
      email: 'anna@jansen.example',
    });
    await fake.add<Lead>('leads', { firstName: 'Ana', lastName: 'Souza' });
    const user = userEvent.setup({ delay: null });
    renderView(<GlobalSearch workspaceId="ws" debounceMs={0} />, fake.api);

    await user.type(screen.getByRole('searchbox', { name: 'Search all records' }), 'jansen');
    const results = await screen.findByRole('region', { name: 'Search results' });
    await within(results).findByRole('group', { name: 'Organisations' });
    const groups = within(results)
      .getAllByRole('group')
      .map((g) => g.getAttribute('aria-labelledby'));
    expect(groups).toEqual(['search-leads', 'search-contacts', 'search-organisations']);
    const leads = within(results).getByRole('group', { name: 'Leads' });
    expect(
      within(leads)
        .getByRole('link', { name: /^Pieter Jansen/ })
        .getAttribute('href'),
    ).toBe(`#/w/ws/leads/${lead.id}`);
    expect(within(leads).queryByRole('link', { name: /Souza/ })).toBeNull();
    expect(
      within(results).getByRole('link', { name: 'All in Organisations' }).getAttribute('href'),
    ).toBeTruthy();
    for (const kind of ['leads', 'contacts', 'organisations', 'opportunities', 'campaigns', 'activities'])
      expect(fake.lastQuery(`/${kind}`)).toEqual({ q: 'jansen', limit: '5' });

    // The arrow keys go from the box through the results; Escape closes them.
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement?.textContent).toMatch(/^Pieter Jansen/);
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement?.textContent).toMatch(/^Anna Jansen/);
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Search results' })).toBeNull());
  });

  it('opens a deal it finds on the deal’s own page', async () => {
    const fake = await fakeApi();
    const org = await fake.add<Organisation>('organisations', { name: 'Fjordlys AS' });
    const deal = await fake.add<Opportunity>('opportunities', {
      name: 'Fleet tracking',
      organisationId: org.id,
    });
    const user = userEvent.setup({ delay: null });
    renderView(<GlobalSearch workspaceId="ws" debounceMs={0} />, fake.api);
    await user.type(screen.getByRole('searchbox', { name: 'Search all records' }), 'fleet');
    const deals = await screen.findByRole('group', { name: 'Opportunities' });
    expect(
      within(deals)
        .getByRole('link', { name: /^Fleet tracking/ })
        .getAttribute('href'),
    ).toBe(`#/w/ws/opportunities/${deal.id}`);
  });

  it('says when nothing matches', async () => {
    const fake = await fakeApi();
    const user = userEvent.setup({ delay: null });
    renderView(<GlobalSearch workspaceId="ws" debounceMs={0} />, fake.api);
    await user.type(screen.getByRole('searchbox', { name: 'Search all records' }), 'zzz');
    expect(await screen.findByText('Nothing found for “zzz”.')).toBeTruthy();
  });
});
