/** @jest-environment jsdom */
import type { Activity } from '@crm/shared';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApiWithKari } from '../testing/fake-day';
import { renderView } from '../testing/render-view';
import MyDayView from './MyDayView';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A lead with an overdue call, a task due at 23:59 today and a meeting in three days; the server's clock is the reader's. */
async function seeded() {
  const { fake, lead } = await fakeApiWithKari();
  const regarding = { type: 'lead', id: lead.id };
  const startOfToday = new Date(new Date().setHours(0, 0, 0, 0)).getTime();
  const at = (ms: number) => new Date(ms).toISOString();
  const overdue = await fake.add<Activity>('activities', {
    type: 'call',
    subject: 'Call Kari back',
    regarding,
    occurredAt: at(startOfToday - DAY + 10 * HOUR),
    completed: false,
  });
  const today = await fake.add<Activity>('activities', {
    type: 'task',
    subject: 'Send the offer',
    regarding,
    occurredAt: at(startOfToday + DAY - 60_000),
    completed: false,
  });
  const upcoming = await fake.add<Activity>('activities', {
    type: 'meeting',
    subject: 'Demo at Fjordlys',
    regarding,
    occurredAt: at(startOfToday + 3 * DAY + 10 * HOUR),
    completed: false,
  });
  return { fake, lead, overdue, today, upcoming };
}

const section = (name: RegExp) => screen.getByRole('region', { name });

describe('MyDayView', () => {
  it('lists overdue, today and upcoming, each named with the record it is about', async () => {
    const { fake } = await seeded();
    renderView(<MyDayView workspaceId="ws" />, fake.api);
    await screen.findByRole('heading', { name: 'Overdue (1)' });
    expect(within(section(/^Overdue/)).getByRole('checkbox', { name: 'Call Kari back' })).toBeTruthy();
    expect(within(section(/^Today/)).getByRole('checkbox', { name: 'Send the offer' })).toBeTruthy();
    expect(within(section(/^Upcoming/)).getByRole('checkbox', { name: 'Demo at Fjordlys' })).toBeTruthy();
    expect(within(section(/^Overdue/)).getByRole('link', { name: 'Kari Nordmann' })).toBeTruthy();
    expect(fake.lastQuery('/my-day')).toMatchObject({ days: '7' });
    expect(fake.lastQuery('/my-day')?.tz).toBeTruthy();
  });

  it('marks one done in one click, keeps it shown done, and plans the next one about the same lead', async () => {
    const { fake, lead, overdue } = await seeded();
    const user = userEvent.setup({ delay: null });
    renderView(<MyDayView workspaceId="ws" />, fake.api);
    const box = await screen.findByRole('checkbox', { name: 'Call Kari back' });
    await user.click(box);
    expect((box as HTMLInputElement).checked).toBe(true);
    await screen.findByText('Call Kari back is done.');
    expect(fake.sent.find((s) => s.path === `/activities/${overdue.id}/complete`)?.ifMatch).toBe(
      overdue.etag,
    );
    // Done stays in view (struck through) after My day is read again, with a way back.
    await waitFor(() => expect(fake.sent.filter((s) => s.path === '/my-day').length).toBeGreaterThan(1));
    expect((screen.getByRole('checkbox', { name: 'Call Kari back' }) as HTMLInputElement).checked).toBe(true);
    expect((await fake.read<Activity>('activities', overdue.id)).completed).toBe(true);

    await user.click(screen.getByRole('button', { name: 'Plan next activity' }));
    const dialog = await screen.findByRole('dialog', { name: 'Plan the next activity for Kari Nordmann' });
    expect(within(dialog).queryByRole('combobox', { name: /^Regarding/ })).toBeNull();
    expect((within(dialog).getByRole('checkbox', { name: 'Done' }) as HTMLInputElement).checked).toBe(false);
    expect(within(dialog).getByLabelText(/^Due/)).toHaveProperty('value', expect.stringMatching(/T\d\d:00$/));
    await user.type(within(dialog).getByRole('textbox', { name: /^Subject/ }), 'Follow up the demo');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fake.bodiesOf('POST', '/activities')).toEqual([
      expect.objectContaining({
        type: 'call',
        subject: 'Follow up the demo',
        regarding: { type: 'lead', id: lead.id },
        completed: false,
        ownerId: 'erin',
      }),
    ]);
    await screen.findByRole('checkbox', { name: 'Follow up the demo' });
  });

  it('takes a done mark back with the reason when someone else changed the activity (412)', async () => {
    const { fake, overdue } = await seeded();
    const user = userEvent.setup({ delay: null });
    renderView(<MyDayView workspaceId="ws" />, fake.api);
    const box = await screen.findByRole('checkbox', { name: 'Call Kari back' });
    await fake.changeBehindTheScenes('activities', overdue.id, { notes: 'Asked for Monday' });
    await user.click(box);
    await screen.findByText(/Someone else changed Call Kari back meanwhile/);
    await waitFor(() =>
      expect((screen.getByRole('checkbox', { name: 'Call Kari back' }) as HTMLInputElement).checked).toBe(
        false,
      ),
    );
    expect((await fake.read<Activity>('activities', overdue.id)).completed).toBe(false);
    expect(screen.queryByRole('button', { name: 'Plan next activity' })).toBeNull();
  });

  it('moves an activity to tomorrow at the time it was due', async () => {
    const { fake, overdue } = await seeded();
    const user = userEvent.setup({ delay: null });
    renderView(<MyDayView workspaceId="ws" />, fake.api);
    await user.click(await screen.findByRole('button', { name: 'Move Call Kari back to another day' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Tomorrow' }));
    await screen.findByText(/Call Kari back is now due/);
    const [body] = fake.bodiesOf('POST', `/activities/${overdue.id}/reschedule`) as [{ dueAt: string }];
    const due = new Date(body.dueAt);
    const tomorrow = new Date();
    tomorrow.setDate(tomorrow.getDate() + 1);
    expect([due.getDate(), due.getHours()]).toEqual([
      tomorrow.getDate(),
      new Date(overdue.occurredAt).getHours(),
    ]);
    await waitFor(() =>
      expect(within(section(/^Upcoming/)).getByRole('checkbox', { name: 'Call Kari back' })).toBeTruthy(),
    );
    expect(screen.getByRole('heading', { name: 'Overdue (0)' })).toBeTruthy();
  });
});
