/** @jest-environment jsdom */
import type { Contact, Lead, Organisation } from '@crm/shared';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi } from '../testing/fake-api';
import { renderView } from '../testing/render-view';
import { LeadsView } from './LeadsView';

/** Pieter (not contacted yet), Ana (being worked), and an organisation Pieter's company already is. */
async function seeded() {
  const fake = await fakeApi();
  const pieter = await fake.add<Lead>('leads', {
    firstName: 'Pieter',
    lastName: 'Jansen',
    company: 'Jansen Transport',
    status: 'open-not-contacted',
    source: 'web',
  });
  const ana = await fake.add<Lead>('leads', {
    firstName: 'Ana',
    lastName: 'Souza',
    company: 'Souza Ltda',
    status: 'working-contacted',
    source: 'web',
  });
  const organisation = await fake.add<Organisation>('organisations', {
    name: 'Jansen Transport B.V.',
    status: 'customer',
  });
  return { fake, pieter, ana, organisation };
}

// Fluent renders a lot per keystroke in jsdom; a busy machine running every suite needs the headroom.
describe('LeadsView: the list', () => {
  it('lists leads with translated statuses and filters by search and status on the server', async () => {
    const { fake } = await seeded();
    const user = userEvent.setup({ delay: null });
    renderView(<LeadsView workspaceId="ws" debounceMs={0} />, fake.api);
    const table = await screen.findByRole('table', { name: 'Leads' });
    expect(within(table).getByRole('link', { name: 'Pieter Jansen' })).toBeTruthy();
    expect(within(table).getByRole('cell', { name: 'Working – Contacted' })).toBeTruthy();

    await user.type(screen.getByRole('searchbox', { name: 'Search leads' }), 'Souza');
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Pieter Jansen' })).toBeNull());
    expect(fake.lastQuery('/leads')).toMatchObject({ q: 'Souza' });

    await user.clear(screen.getByRole('searchbox', { name: 'Search leads' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'open-not-contacted');
    await screen.findByRole('link', { name: 'Pieter Jansen' });
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Ana Souza' })).toBeNull());
    expect(fake.lastQuery('/leads')).toMatchObject({ status: 'open-not-contacted' });
  });

  it('validates a new lead with the shared schema, then creates it', async () => {
    const fake = await fakeApi();
    const user = userEvent.setup({ delay: null });
    renderView(<LeadsView workspaceId="ws" debounceMs={0} />, fake.api);
    await screen.findByText('No leads match.');
    await user.click(screen.getByRole('button', { name: 'New lead' }));
    const dialog = await screen.findByRole('dialog', { name: 'New lead' });
    await user.type(within(dialog).getByRole('textbox', { name: /^Email/ }), 'nope');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(await within(dialog).findByText('This field is required.')).toBeTruthy();
    expect(within(dialog).getByText('Enter a valid email address.')).toBeTruthy();
    expect(fake.bodiesOf('POST', '/leads')).toEqual([]);

    await user.clear(within(dialog).getByRole('textbox', { name: /^Email/ }));
    await user.type(within(dialog).getByRole('textbox', { name: /^Last name/ }), 'Jansen');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Source' }), 'trade-show');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    await screen.findByRole('link', { name: 'Jansen' });
    expect(fake.bodiesOf('POST', '/leads')).toEqual([{ lastName: 'Jansen', source: 'trade-show' }]);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('converts into a suggested existing organisation and announces what it produced', async () => {
    const { fake, pieter, organisation } = await seeded();
    const user = userEvent.setup({ delay: null });
    renderView(<LeadsView workspaceId="ws" debounceMs={0} />, fake.api);
    await user.click(await screen.findByRole('button', { name: 'Actions for Pieter Jansen' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Convert' }));
    const dialog = await screen.findByRole('dialog', { name: 'Convert Pieter Jansen' });
    await user.click(
      await within(dialog).findByRole('radio', {
        name: 'Use Jansen Transport B.V. (same name but for B.V.)',
      }),
    );
    await user.type(within(dialog).getByRole('spinbutton', { name: 'Amount' }), '12000');
    await user.click(within(dialog).getByRole('button', { name: 'Convert' }));
    const status = await screen.findByText(/^Pieter Jansen was converted into Jansen Transport B\.V\./);
    expect(status.textContent).toContain('deal Jansen Transport B.V. – 2026-11-22');
    expect(fake.bodiesOf('POST', `/leads/${pieter.id}/convert`)).toEqual([
      { organisationId: organisation.id, createOpportunity: true, opportunity: { amount: 12000 } },
    ]);
    await screen.findByRole('cell', { name: 'Closed – Converted' });
  });

  it("selects the organisation and contact that hold the lead's e-mail, with why; creating new stays a deliberate choice", async () => {
    const fake = await fakeApi();
    const fjordlys = await fake.add<Organisation>('organisations', {
      name: 'Fjordlys Logistikk AS',
      website: 'fjordlys.example',
      status: 'customer',
    });
    const ingrid = await fake.add<Contact>('contacts', {
      organisationId: fjordlys.id,
      firstName: 'Ingrid',
      lastName: 'Solberg',
      email: 'ingrid@fjordlys.example',
    });
    const kari = await fake.add<Lead>('leads', {
      firstName: 'Kari',
      lastName: 'Nordmann',
      company: 'Fjordlys Logistikk',
      email: 'ingrid@fjordlys.example',
      status: 'open-not-contacted',
      source: 'web',
    });
    const user = userEvent.setup({ delay: null });
    renderView(<LeadsView workspaceId="ws" debounceMs={0} />, fake.api);
    await user.click(await screen.findByRole('button', { name: 'Actions for Kari Nordmann' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Convert' }));
    const dialog = await screen.findByRole('dialog', { name: 'Convert Kari Nordmann' });

    const existing = await within(dialog).findByRole('radio', {
      name: 'Use Fjordlys Logistikk AS (same e-mail, same domain, same name but for AS)',
    });
    await waitFor(() => expect((existing as HTMLInputElement).checked).toBe(true));
    const contact = within(dialog).getByRole('radio', { name: 'Use Ingrid Solberg ingrid@fjordlys.example' });
    expect((contact as HTMLInputElement).checked).toBe(true);
    const anyway = within(dialog).getByRole('radio', {
      name: 'Create a new organisation anyway: Fjordlys Logistikk',
    });
    expect((anyway as HTMLInputElement).checked).toBe(false);

    await user.click(within(dialog).getByRole('button', { name: 'Convert' }));
    await screen.findByText(/^Kari Nordmann was converted into Fjordlys Logistikk AS/);
    expect(fake.bodiesOf('POST', `/leads/${kari.id}/convert`)).toEqual([
      { organisationId: fjordlys.id, contactId: ingrid.id, createOpportunity: true },
    ]);
  });

  it('shows next to the contact why the server refused it, when it moved to another organisation meanwhile', async () => {
    const fake = await fakeApi();
    const fjordlys = await fake.add<Organisation>('organisations', { name: 'Fjordlys Logistikk AS' });
    const other = await fake.add<Organisation>('organisations', { name: 'Havbris AS' });
    const ingrid = await fake.add<Contact>('contacts', {
      organisationId: fjordlys.id,
      firstName: 'Ingrid',
      lastName: 'Solberg',
      email: 'ingrid@fjordlys.example',
    });
    await fake.add<Lead>('leads', {
      firstName: 'Kari',
      lastName: 'Nordmann',
      company: 'Fjordlys Logistikk',
      email: 'ingrid@fjordlys.example',
    });
    const user = userEvent.setup({ delay: null });
    renderView(<LeadsView workspaceId="ws" debounceMs={0} />, fake.api);
    await user.click(await screen.findByRole('button', { name: 'Actions for Kari Nordmann' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Convert' }));
    const dialog = await screen.findByRole('dialog', { name: 'Convert Kari Nordmann' });
    const contact = await within(dialog).findByRole('radio', {
      name: 'Use Ingrid Solberg ingrid@fjordlys.example',
    });
    await waitFor(() => expect((contact as HTMLInputElement).checked).toBe(true));
    await fake.changeBehindTheScenes('contacts', ingrid.id, { organisationId: other.id });

    await user.click(within(dialog).getByRole('button', { name: 'Convert' }));
    const reason = await within(dialog).findByText('Not accepted: not in the chosen organisation');
    expect(
      within(dialog)
        .getByRole('radiogroup', { name: /^Contact/ })
        .getAttribute('aria-describedby'),
    ).toContain(reason.closest('[id]')?.id);
  });

  it('changes the status of the selected leads in bulk', async () => {
    const { fake, pieter } = await seeded();
    const user = userEvent.setup({ delay: null });
    renderView(<LeadsView workspaceId="ws" debounceMs={0} />, fake.api);
    await user.click(await screen.findByRole('checkbox', { name: 'Select Pieter Jansen' }));
    await user.click(screen.getByRole('button', { name: 'Set status of 1' }));
    await screen.findByText('1 lead changed.');
    expect((await fake.read<Lead>('leads', pieter.id)).status).toBe('working-contacted');
  });

  it('says which leads of a bulk change failed, and what the server said about each', async () => {
    const { fake, pieter } = await seeded();
    const kari = await fake.add<Lead>('leads', {
      firstName: 'Kari',
      lastName: 'Nordmann',
      status: 'open-not-contacted',
      source: 'event',
    });
    const user = userEvent.setup({ delay: null });
    renderView(<LeadsView workspaceId="ws" debounceMs={0} />, fake.api);
    await screen.findByRole('link', { name: 'Kari Nordmann' });
    await user.click(screen.getByRole('checkbox', { name: 'Select all rows' }));
    // Someone else works on Pieter meanwhile: the list's copy of him is stale.
    await fake.changeBehindTheScenes('leads', pieter.id, { company: 'Jansen Logistiek' });
    await user.click(screen.getByRole('button', { name: 'Set status of 3' }));

    const notice = (await screen.findByText('1 changed, 1 failed:')).closest('.fui-MessageBar');
    expect(
      within(notice as HTMLElement)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Pieter Jansen: Someone else changed this meanwhile. Reload and try again.']);
    expect((await fake.read<Lead>('leads', kari.id)).status).toBe('working-contacted');
    expect((await fake.read<Lead>('leads', pieter.id)).status).toBe('open-not-contacted');
  });

  it('deletes a lead from its row’s menu, after asking, and brings it back with Undo', async () => {
    const { fake, ana } = await seeded();
    const user = userEvent.setup({ delay: null });
    renderView(<LeadsView workspaceId="ws" debounceMs={0} />, fake.api);
    await user.click(await screen.findByRole('button', { name: 'Actions for Ana Souza' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Delete' }));
    const ask = await screen.findByRole('dialog', { name: 'Delete Ana Souza?' });
    await user.click(within(ask).getByRole('button', { name: 'Delete' }));

    await screen.findByText('Ana Souza moved to the recycle bin.');
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Ana Souza' })).toBeNull());
    expect(fake.bodiesOf('DELETE', `/leads/${ana.id}`)).toHaveLength(1);

    // Found by role once the asking dialog has let go of the page (until then the rest is aria-hidden).
    await user.click(await screen.findByRole('button', { name: 'Undo' }));
    expect(await screen.findByRole('link', { name: 'Ana Souza' })).toBeTruthy();
    expect(await screen.findByText('Ana Souza is back.')).toBeTruthy();
    expect((await fake.read<Lead>('leads', ana.id)).status).toBe('working-contacted');
  });

  it('offers a converted lead to no bulk change: its box is disabled and select-all leaves it out', async () => {
    const { fake, pieter, ana } = await seeded();
    await fake.api.convertLead('ws', ana.id, { createOpportunity: false });
    const user = userEvent.setup({ delay: null });
    renderView(<LeadsView workspaceId="ws" debounceMs={0} />, fake.api);
    const converted = await screen.findByRole('checkbox', { name: 'Select Ana Souza' });
    expect((converted as HTMLInputElement).disabled).toBe(true);

    await user.click(screen.getByRole('checkbox', { name: 'Select all rows' }));
    await user.click(screen.getByRole('button', { name: 'Set status of 1' }));
    await screen.findByText('1 lead changed.');
    expect(fake.sent.filter((s) => s.method === 'PATCH').map((s) => s.path)).toEqual([`/leads/${pieter.id}`]);
  });
});

describe('LeadsView: sorting on the server', () => {
  const seeded = async () => {
    const fake = await fakeApi();
    for (const lead of LEADS) await fake.add('leads', lead);
    return fake;
  };
  const LEADS = [
    {
      firstName: 'Ana',
      lastName: 'Souza',
      company: 'Souza Ltda',
      status: 'open-not-contacted',
      source: 'web',
    },
    {
      firstName: 'Pieter',
      lastName: 'Jansen',
      company: 'Bakker BV',
      status: 'open-not-contacted',
      source: 'web',
    },
    { firstName: 'Joana', lastName: 'almeida', status: 'open-not-contacted', source: 'event' },
  ];
  const names = (table: HTMLElement) =>
    within(table)
      .getAllByRole('link')
      .map((link) => link.textContent);

  it('sorts by a column header (click, then keyboard) through the sort parameter', async () => {
    const fake = await seeded();
    const user = userEvent.setup({ delay: null });
    renderView(<LeadsView workspaceId="ws" debounceMs={0} />, fake.api);
    const table = await screen.findByRole('table', { name: 'Leads' });
    const nameHeader = within(table).getByRole('columnheader', { name: 'Name' });
    expect(
      within(within(table).getByRole('columnheader', { name: 'Email' })).queryByRole('button'),
    ).toBeNull();
    expect(nameHeader.getAttribute('aria-sort')).toBe('none');

    await user.click(within(nameHeader).getByRole('button', { name: 'Name' }));
    await waitFor(() => expect(nameHeader.getAttribute('aria-sort')).toBe('ascending'));
    await waitFor(() => expect(names(table)).toEqual(['Joana almeida', 'Pieter Jansen', 'Ana Souza']));
    expect(fake.lastQuery('/leads')).toMatchObject({ sort: 'name' });

    within(nameHeader).getByRole('button', { name: 'Name' }).focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(nameHeader.getAttribute('aria-sort')).toBe('descending'));
    await waitFor(() => expect(names(table)).toEqual(['Ana Souza', 'Pieter Jansen', 'Joana almeida']));
    expect(fake.lastQuery('/leads')).toMatchObject({ sort: '-name' });

    await user.selectOptions(screen.getByRole('combobox', { name: 'Source' }), 'web');
    await waitFor(() => expect(names(table)).toEqual(['Ana Souza', 'Pieter Jansen']));
    expect(fake.lastQuery('/leads')).toMatchObject({ sort: '-name', source: 'web' });
  });

  it('asks to filter when too many leads match to sort, and shows them unsorted', async () => {
    const fake = await seeded();
    fake.setSortCap(2);
    const user = userEvent.setup({ delay: null });
    renderView(<LeadsView workspaceId="ws" debounceMs={0} />, fake.api);
    const table = await screen.findByRole('table', { name: 'Leads' });

    await user.click(within(table).getByRole('button', { name: 'Company' }));

    expect(await screen.findByText(/Too many records match to sort them/)).toBeTruthy();
    await waitFor(() => expect(fake.lastQuery('/leads')?.sort).toBeUndefined());
    const header = within(await screen.findByRole('table', { name: 'Leads' })).getByRole('columnheader', {
      name: 'Company',
    });
    expect(header.getAttribute('aria-sort')).toBe('none');
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
  });

  it('searches unsorted, and says so, while a sort is chosen', async () => {
    const fake = await seeded();
    const user = userEvent.setup({ delay: null });
    renderView(<LeadsView workspaceId="ws" debounceMs={0} />, fake.api);
    const table = await screen.findByRole('table', { name: 'Leads' });
    await user.click(within(table).getByRole('button', { name: 'Name' }));
    await waitFor(() => expect(fake.lastQuery('/leads')).toMatchObject({ sort: 'name' }));

    await user.type(screen.getByRole('searchbox', { name: 'Search leads' }), 'Souza');

    expect(await screen.findByText(/clear the search to sort/)).toBeTruthy();
    await waitFor(() => expect(fake.lastQuery('/leads')).toMatchObject({ q: 'Souza' }));
    expect(fake.lastQuery('/leads')?.sort).toBeUndefined();
  });
});

describe('LeadsView: one lead', () => {
  it('says when someone else changed the lead, and shows the fresh version', async () => {
    const { fake, pieter } = await seeded();
    const user = userEvent.setup({ delay: null });
    renderView(<LeadsView workspaceId="ws" recordId={pieter.id} />, fake.api);
    await screen.findByRole('heading', { name: 'Pieter Jansen' });
    await fake.changeBehindTheScenes('leads', pieter.id, { company: 'Jansen Logistics' });

    await user.click(screen.getByRole('button', { name: 'Edit' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit Pieter Jansen' });
    await user.type(within(dialog).getByRole('textbox', { name: /^Job title/ }), 'CEO');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await screen.findByText(/Someone else changed this record meanwhile/);
    expect(await screen.findByText('Jansen Logistics')).toBeTruthy();
    expect((await fake.read<Lead>('leads', pieter.id)).title).toBeUndefined();
  });

  it('saves the qualification checklist and asks a reason to disqualify', async () => {
    const { fake, pieter } = await seeded();
    const user = userEvent.setup({ delay: null });
    renderView(<LeadsView workspaceId="ws" recordId={pieter.id} />, fake.api);
    await user.click(await screen.findByRole('checkbox', { name: 'Budget' }));
    await user.click(screen.getByRole('checkbox', { name: 'Timeline' }));
    await user.click(screen.getByRole('button', { name: 'Save qualification' }));
    await screen.findByText('Saved.');
    expect((await fake.read<Lead>('leads', pieter.id)).qualification).toMatchObject({
      budget: true,
      timeline: true,
      need: false,
    });

    await user.click(screen.getByRole('button', { name: 'Disqualify' }));
    const dialog = await screen.findByRole('dialog', { name: 'Disqualify Pieter Jansen?' });
    await user.click(within(dialog).getByRole('button', { name: 'Disqualify' }));
    expect(await within(dialog).findByText('This field is required.')).toBeTruthy();
    await user.type(within(dialog).getByRole('textbox', { name: /^Reason/ }), 'No budget this year');
    await user.click(within(dialog).getByRole('button', { name: 'Disqualify' }));
    await screen.findByText('Pieter Jansen was disqualified.');
    expect(await fake.read<Lead>('leads', pieter.id)).toMatchObject({
      status: 'closed-not-converted',
      disqualificationReason: 'No budget this year',
    });
    expect(screen.queryByRole('button', { name: 'Disqualify' })).toBeNull();

    await user.click(await screen.findByRole('button', { name: 'Reopen' }));
    await screen.findByText('Pieter Jansen was reopened.');
    expect(await fake.read<Lead>('leads', pieter.id)).toMatchObject({ status: 'working-contacted' });
    // Through the reopen route on the version shown, not a status PATCH.
    const reopen = fake.sent.filter((s) => s.path === `/leads/${pieter.id}/reopen`);
    expect(reopen).toEqual([expect.objectContaining({ method: 'POST', ifMatch: expect.any(String) })]);
    expect(fake.bodiesOf('PATCH', `/leads/${pieter.id}`)).not.toContainEqual({ status: 'working-contacted' });
  });

  it('shows a converted lead read-only: no edit, delete, convert, disqualify or reopen', async () => {
    const { fake, ana } = await seeded();
    await fake.api.convertLead('ws', ana.id, { createOpportunity: false });
    renderView(<LeadsView workspaceId="ws" recordId={ana.id} />, fake.api);
    await screen.findByText(/^Converted/);
    expect(screen.getByRole('heading', { name: 'Ana Souza' })).toBeTruthy();
    for (const name of ['Edit', 'Delete', 'Convert', 'Disqualify', 'Reopen'])
      expect(screen.queryByRole('button', { name })).toBeNull();
    expect((screen.getByRole('checkbox', { name: 'Budget' }) as HTMLInputElement).disabled).toBe(true);
  });
});
