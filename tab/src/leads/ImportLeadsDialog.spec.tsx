/** @jest-environment jsdom */
import type { ImportJob } from '@crm/shared';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi } from '../testing/fake-api';
import { renderView } from '../testing/render-view';
import { ImportLeadsDialog } from './ImportLeadsDialog';

const TALLY = { created: 0, duplicateCount: 0, errorCount: 0, duplicates: [], errors: [] };

describe('ImportLeadsDialog', () => {
  it('uploads the file, shows a large import’s progress, then the summary with row numbers', async () => {
    const fake = await fakeApi();
    const job: ImportJob = {
      id: 'J1',
      workspaceId: 'ws',
      createdBy: 'erin',
      createdAt: '2026-11-22T10:00:00.000Z',
      startedAt: '2026-11-22T10:00:01.000Z',
      ignoredColumns: [],
      total: 3000,
      status: 'running',
      ...TALLY,
      processedRows: 1200,
    };
    let finished = false;
    const completed: ImportJob = {
      ...job,
      status: 'completed',
      finishedAt: '2026-11-22T10:02:00.000Z',
      processedRows: 3000,
      created: 2990,
      duplicateCount: 1,
      errorCount: 1,
      duplicates: [{ row: 7, email: 'ana@souza.com.br' }],
      errors: [{ row: 12, field: 'email', code: 'invalid', message: 'x' }],
    };
    const uploads: Array<Blob | string> = [];
    const api = {
      ...fake.api,
      importLeads: async (_ws: string, csv: Blob | string) => {
        uploads.push(csv);
        return { kind: 'job' as const, job };
      },
      importJob: async () => (finished ? completed : job),
    };
    const user = userEvent.setup({ delay: null });
    renderView(<ImportLeadsDialog workspaceId="ws" pollMs={10} />, api);
    await user.click(screen.getByRole('button', { name: 'Import CSV' }));
    const dialog = await screen.findByRole('dialog', { name: 'Import leads from CSV' });
    const file = new File(['lastName,email\nJansen,p@jansen.nl\n'], 'leads.csv', { type: 'text/csv' });
    await user.upload(within(dialog).getByLabelText('CSV file'), file);
    expect(uploads).toEqual([file]);
    // While the job runs: a progress bar and how far it got.
    expect(await within(dialog).findByText('1,200 of 3,000 rows')).toBeTruthy();
    expect(within(dialog).getByRole('progressbar')).toBeTruthy();
    finished = true;
    const summary = await within(dialog).findByText('2,990 imported, 1 duplicates, 1 errors.');
    expect(summary).toBeTruthy();
    expect(within(dialog).getByText('Row 7: ana@souza.com.br is already a lead.')).toBeTruthy();
    expect(within(dialog).getByText('Row 12: email is not valid.')).toBeTruthy();
  });
});
