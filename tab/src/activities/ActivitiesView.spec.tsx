/** @jest-environment jsdom */
import type { Activity, Lead } from '@crm/shared';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LeadsView } from '../leads/LeadsView';
import { fakeApiWithKari } from '../testing/fake-day';
import { renderView } from '../testing/render-view';
import { ActivitiesView } from './ActivitiesView';

async function seeded() {
  const { fake, lead } = await fakeApiWithKari();
  const call = await fake.add<Activity>('activities', {
    type: 'call',
    subject: 'Intro call',
    regarding: { type: 'lead', id: lead.id },
  });
  return { fake, lead, call };
}

/** The list with an open task due tomorrow, "Send the quote", its row's menu open. */
async function openTaskMenu() {
  const { fake, lead } = await seeded();
  const task = await fake.add<Activity>('activities', {
    type: 'task',
    subject: 'Send the quote',
    regarding: { type: 'lead', id: lead.id },
    occurredAt: new Date(Date.now() + 86_400_000).toISOString(),
    completed: false,
  });
  const user = userEvent.setup({ delay: null });
  renderView(<ActivitiesView workspaceId="ws" debounceMs={0} />, fake.api);
  await user.click(await screen.findByRole('button', { name: 'Actions for Send the quote' }));
  return { fake, task, user };
}

describe('ActivitiesView', () => {
  it('names the record each activity is about, links to it, and filters by owner, done and due on the server', async () => {
    const { fake, lead } = await seeded();
    const user = userEvent.setup({ delay: null });
    renderView(<ActivitiesView workspaceId="ws" debounceMs={0} />, fake.api);
    const table = await screen.findByRole('table', { name: 'Activities' });
    const row = within(table).getByRole('row', { name: /Intro call/ });
    expect(within(row).getByRole('link', { name: 'Kari Nordmann' }).getAttribute('href')).toContain(
      `leads/${lead.id}`,
    );
    expect(within(row).getByRole('cell', { name: 'Done' })).toBeTruthy();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Owner' }), 'erin');
    await waitFor(() => expect(fake.lastQuery('/activities')).toMatchObject({ ownerId: 'erin' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Done' }), 'false');
    await waitFor(() => expect(fake.lastQuery('/activities')).toMatchObject({ completed: 'false' }));
    await screen.findByText('No activities match.');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Due' }), 'today');
    await waitFor(() => expect(fake.lastQuery('/activities')).toHaveProperty('dueTo'));
    const { dueFrom, dueTo } = fake.lastQuery('/activities') as { dueFrom: string; dueTo: string };
    expect(new Date(dueFrom).getHours()).toBe(0);
    expect(Date.parse(dueTo) - Date.parse(dueFrom)).toBeGreaterThanOrEqual(23 * 3_600_000);

    await user.selectOptions(screen.getByRole('combobox', { name: 'Due' }), 'range');
    await user.type(screen.getByLabelText('From'), '2026-12-01');
    await user.type(screen.getByLabelText('Until'), '2026-12-31');
    await waitFor(() =>
      expect(fake.lastQuery('/activities')).toMatchObject({
        dueFrom: new Date(2026, 11, 1).toISOString(),
        dueTo: new Date(2027, 0, 1).toISOString(),
      }),
    );
  });

  it('says when, short: an open task past its day as days overdue, in red; a done call by its day and time', async () => {
    const { fake, lead } = await seeded();
    const today = new Date();
    // Noon two calendar days back: two days overdue at any hour of today.
    const twoDaysAgo = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 2, 12).toISOString();
    await fake.add<Activity>('activities', {
      type: 'task',
      subject: 'Send the quote',
      regarding: { type: 'lead', id: lead.id },
      occurredAt: twoDaysAgo,
      completed: false,
    });
    renderView(<ActivitiesView workspaceId="ws" debounceMs={0} />, fake.api);
    const table = await screen.findByRole('table', { name: 'Activities' });
    const late = within(within(table).getByRole('row', { name: /Send the quote/ })).getByText(
      '2 days overdue',
    );
    expect(late.closest('[data-when]')?.getAttribute('data-when')).toBe('overdue');
    // The whole date and time on hover.
    expect(late.closest('[title]')?.getAttribute('title')).toMatch(/\d{4}, \d{1,2}:\d{2}\s[AP]M$/);
    const done = within(within(table).getByRole('row', { name: /Intro call/ })).getByText(
      /^Today · \d{1,2}:\d{2}\s[AP]M$/,
    );
    expect(done.closest('[data-when]')).toBeNull();
  });

  it('marks an open activity done from its row, and reopens a done one, each with its ETag', async () => {
    const { fake, task, user } = await openTaskMenu();
    expect(screen.queryByRole('menuitem', { name: 'Reopen' })).toBeNull();
    await user.click(await screen.findByRole('menuitem', { name: 'Mark as done' }));
    await screen.findByText('Send the quote is done.');
    expect(fake.sent.find((s) => s.path === `/activities/${task.id}/complete`)?.ifMatch).toBe(task.etag);
    expect((await fake.read<Activity>('activities', task.id)).completed).toBe(true);
    // The list is read again: the row now offers to reopen it.
    const table = screen.getByRole('table', { name: 'Activities' });
    await waitFor(() =>
      expect(
        within(within(table).getByRole('row', { name: /Send the quote/ })).getByText('Done'),
      ).toBeTruthy(),
    );
    await user.click(await screen.findByRole('button', { name: 'Actions for Send the quote' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Reopen' }));
    await screen.findByText('Send the quote is open again.');
    expect((await fake.read<Activity>('activities', task.id)).completed).toBe(false);
  });

  it('says why a row could not be marked done: changed by someone else meanwhile', async () => {
    const { fake, task, user } = await openTaskMenu();
    // Someone else changes it while the menu is open: the list's ETag is now stale.
    await fake.changeBehindTheScenes('activities', task.id, { notes: 'Asked for Monday' });
    await user.click(await screen.findByRole('menuitem', { name: 'Mark as done' }));
    await screen.findByText(/Someone else changed Send the quote meanwhile/);
    expect((await fake.read<Activity>('activities', task.id)).completed).toBe(false);
  });

  it('keeps the Due filter in the address: a reload or a link shows the same activities', async () => {
    const { fake } = await seeded();
    const user = userEvent.setup({ delay: null });
    const navigate = jest.fn();
    renderView(<ActivitiesView workspaceId="ws" debounceMs={0} />, fake.api, {
      navigate,
      route: {
        workspaceId: 'ws',
        view: 'activities',
        query: { due: 'range', dueStart: '2026-12-01', dueEnd: '2026-12-31', completed: 'false' },
      },
    });
    const due = (await screen.findByRole('combobox', { name: 'Due' })) as HTMLSelectElement;
    expect(due.value).toBe('range');
    expect((screen.getByLabelText('From') as HTMLInputElement).value).toBe('2026-12-01');
    expect((screen.getByLabelText('Until') as HTMLInputElement).value).toBe('2026-12-31');
    // The address's days become the reader's instants; they are not sent as they are.
    await waitFor(() =>
      expect(fake.lastQuery('/activities')).toEqual({
        completed: 'false',
        dueFrom: new Date(2026, 11, 1).toISOString(),
        dueTo: new Date(2027, 0, 1).toISOString(),
        limit: '100',
      }),
    );
    await user.selectOptions(due, 'overdue');
    expect(navigate).toHaveBeenLastCalledWith(
      { workspaceId: 'ws', view: 'activities', query: { completed: 'false', due: 'overdue' } },
      { replace: true },
    );
    await user.selectOptions(due, 'All');
    expect(navigate).toHaveBeenLastCalledWith(
      { workspaceId: 'ws', view: 'activities', query: { completed: 'false' } },
      { replace: true },
    );
  });

  it('takes no choice from an address it does not know', async () => {
    const { fake } = await seeded();
    renderView(<ActivitiesView workspaceId="ws" debounceMs={0} />, fake.api, {
      route: { workspaceId: 'ws', view: 'activities', query: { due: 'someday', dueStart: 'x' } },
    });
    const due = (await screen.findByRole('combobox', { name: 'Due' })) as HTMLSelectElement;
    expect(due.value).toBe('');
    await waitFor(() => expect(fake.lastQuery('/activities')).toEqual({ limit: '100' }));
  });

  it('shows why the server refused an activity next to the field it is about', async () => {
    const { fake, lead } = await seeded();
    const user = userEvent.setup({ delay: null });
    renderView(<ActivitiesView workspaceId="ws" debounceMs={0} />, fake.api);
    await screen.findByRole('table', { name: 'Activities' });
    await user.click(screen.getByRole('button', { name: 'New activity' }));
    const dialog = await screen.findByRole('dialog', { name: 'New activity' });
    const regarding = within(dialog).getByRole('combobox', { name: /^Regarding/ });
    await user.selectOptions(regarding, lead.id);
    await user.type(within(dialog).getByRole('textbox', { name: /^Subject/ }), 'Follow-up');
    // Someone else deletes the lead meanwhile.
    await fake.remove('leads', lead.id);
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));

    const reason = await within(dialog).findByText('Not accepted: no such lead');
    expect(regarding.getAttribute('aria-describedby')).toContain(reason.closest('[id]')?.id);
    expect(within(dialog).getByText('Regarding: no such lead')).toBeTruthy();
    expect(fake.bodiesOf('POST', '/activities')).toHaveLength(1);
  });

  it('logs a done call about a chosen record: what the API wants, with the time it happened', async () => {
    const { fake, lead } = await seeded();
    const user = userEvent.setup({ delay: null });
    renderView(<ActivitiesView workspaceId="ws" debounceMs={0} />, fake.api);
    await screen.findByRole('table', { name: 'Activities' });
    await user.click(screen.getByRole('button', { name: 'New activity' }));
    const dialog = await screen.findByRole('dialog', { name: 'New activity' });
    // Done is ticked and When is now; unticking plans it for a full hour instead.
    expect((within(dialog).getByRole('checkbox', { name: 'Done' }) as HTMLInputElement).checked).toBe(true);
    const when = within(dialog).getByLabelText('When') as HTMLInputElement;
    expect(Math.abs(Date.parse(when.value) - Date.now())).toBeLessThan(5 * 60_000);
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(await within(dialog).findAllByText('This field is required.')).toHaveLength(2);

    await user.selectOptions(within(dialog).getByRole('combobox', { name: /^Regarding/ }), lead.id);
    await user.type(within(dialog).getByRole('textbox', { name: /^Subject/ }), 'Asked about fleet size');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const [body] = fake.bodiesOf('POST', '/activities') as [Record<string, unknown>];
    expect(body).toMatchObject({
      type: 'call',
      subject: 'Asked about fleet size',
      regarding: { type: 'lead', id: lead.id },
      completed: true,
    });
    expect(Math.abs(Date.parse(String(body.occurredAt)) - Date.now())).toBeLessThan(5 * 60_000);
    await screen.findByRole('row', { name: /Asked about fleet size/ });
  });

  it("on a lead's page, logs a done call and offers to plan the next one about the lead", async () => {
    const { fake, lead } = await seeded();
    const user = userEvent.setup({ delay: null });
    renderView(<LeadsView workspaceId="ws" recordId={lead.id} />, fake.api);
    await user.click(await screen.findByRole('button', { name: 'New activity' }));
    const dialog = await screen.findByRole('dialog', { name: 'New activity' });
    expect(within(dialog).queryByRole('combobox', { name: /^Regarding/ })).toBeNull();
    await user.type(within(dialog).getByRole('textbox', { name: /^Subject/ }), 'Called Kari');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await screen.findByText('Called Kari was logged.');
    await user.click(await screen.findByRole('button', { name: 'Plan next activity' }));
    const next = await screen.findByRole('dialog', { name: 'Plan the next activity for Kari Nordmann' });
    await user.selectOptions(within(next).getByRole('combobox', { name: 'Type' }), 'meeting');
    await user.type(within(next).getByRole('textbox', { name: /^Subject/ }), 'Visit Fjordlys');
    await user.click(within(next).getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fake.bodiesOf('POST', '/activities')).toEqual([
      expect.objectContaining({ type: 'call', subject: 'Called Kari', completed: true }),
      expect.objectContaining({
        type: 'meeting',
        subject: 'Visit Fjordlys',
        regarding: { type: 'lead', id: lead.id },
        completed: false,
      }),
    ]);
    const timeline = await screen.findByRole('list', { name: 'Activities' });
    await within(timeline).findByText(/Visit Fjordlys/);
    expect(
      (await fake.read<Lead & { nextActivity?: { subject: string } }>('leads', lead.id)).nextActivity
        ?.subject,
    ).toBe('Visit Fjordlys');
  });
});
