/** @jest-environment jsdom */
import type { Lead } from '@crm/shared';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi } from '../testing/fake-api';
import { renderView } from '../testing/render-view';
import { ImportDialog } from './ImportDialog';

/** A Salesforce lead report: "Seminar - Internal" is an event by the synonym table, "Shoe Size" no field of ours. */
const SALESFORCE = [
  'First Name,Last Name,Company,Email,Lead Source,Lead Status,Shoe Size',
  'Ørjan,Ødegård,Ødegård Fiskeri AS,orjan@fisk.no,Seminar - Internal,Open - Not Contacted,44',
  'João,Gonçalves,Gonçalves Lda,joao@lda.pt,Web,Working - Contacted,41',
].join('\r\n');

let fake: Awaited<ReturnType<typeof fakeApi>>;

/** Opens the dialog for `kind` and picks a file with `text`; gives the dialog once its preview lists values. */
async function previewed(kind: 'lead' | 'opportunity', title: string, text: string) {
  const user = userEvent.setup({ delay: null });
  renderView(<ImportDialog workspaceId="ws" kind={kind} pollMs={20} />, fake.api);
  await user.click(screen.getByRole('button', { name: 'Import CSV' }));
  const dialog = await screen.findByRole('dialog', { name: title });
  await user.upload(
    within(dialog).getByLabelText('CSV file'),
    new File([text], 'file.csv', { type: 'text/csv' }),
  );
  const values = await within(dialog).findByRole('list', { name: 'Values' });
  return { user, dialog, values };
}
afterEach(async () => {
  await fake?.close();
});

describe('ImportDialog: value mappings in the preview', () => {
  it('given another source picked for a file value, then the imported lead carries the value picked', async () => {
    fake = await fakeApi({ imports: true });
    // The preview: what the file's value becomes by itself, with the values of ours to pick instead.
    const { user, dialog, values } = await previewed('lead', 'Import leads from CSV', SALESFORCE);
    expect(within(values).getByText(/source "Seminar - Internal" → event \(1 rows\)/)).toBeTruthy();
    const pick = within(values).getByRole('combobox', { name: 'source "Seminar - Internal" becomes' });
    await user.selectOptions(pick, 'trade-show');
    // Checked again with the answer: the preview now says it was chosen.
    await within(values).findByText(/source "Seminar - Internal" → trade-show/);
    expect(fake.bodiesOf('POST', `/imports/previews/${previewIdOf(fake.sent)}`).at(-1)).toEqual({
      mapping: { columns: {}, values: { source: { 'Seminar - Internal': 'trade-show' } } },
    });

    await user.click(within(dialog).getByRole('button', { name: 'Import 2 rows' }));
    await within(dialog).findByText('2 created, 0 updated, 0 skipped, 0 not imported.');
    const leads = await fake.stored('lead');
    const byEmail = new Map(leads.map((l: Lead) => [l.email, l] as const));
    expect(byEmail.get('orjan@fisk.no')).toMatchObject({ source: 'trade-show', lastName: 'Ødegård' });
    // The value not answered keeps what the import finds itself.
    expect(byEmail.get('joao@lda.pt')).toMatchObject({ source: 'web', status: 'working-contacted' });
    const started = fake.bodiesOf('POST', '/imports').at(-1) as { mapping: unknown };
    expect(started.mapping).toEqual({
      columns: {},
      values: { source: { 'Seminar - Internal': 'trade-show' } },
    });
  });

  it('given a stage the workspace does not have, then the preview asks and the deal gets the stage answered', async () => {
    fake = await fakeApi({ imports: true });
    await fake.add('organisations', { name: 'Ødegård Fiskeri AS', status: 'customer' });
    const { user, dialog, values } = await previewed(
      'opportunity',
      'Import opportunities from CSV',
      'Opportunity Name,Account Name,Stage,Amount\r\nNets 2027,Ødegård Fiskeri AS,Verbal Commitment,12000',
    );
    expect(within(values).getByText(/stage "Verbal Commitment" is not one of this workspace's/)).toBeTruthy();
    await user.selectOptions(
      within(values).getByRole('combobox', { name: 'stage "Verbal Commitment" becomes' }),
      'negotiation',
    );
    await within(values).findByText(/stage "Verbal Commitment" → negotiation/);
    await user.click(within(dialog).getByRole('button', { name: 'Import 1 rows' }));
    await within(dialog).findByText('1 created, 0 updated, 0 skipped, 0 not imported.');
    await waitFor(async () =>
      expect((await fake.stored('opportunity')).map((o) => o.stage)).toEqual(['negotiation']),
    );
  });
});

function previewIdOf(sent: readonly { method: string; path: string; body?: unknown }[]): string {
  const path = sent.find((s) => s.method === 'POST' && /^\/imports\/previews\/[^/]+$/.test(s.path))?.path;
  return path?.split('/').at(-1) ?? '';
}
