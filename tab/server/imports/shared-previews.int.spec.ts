import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectBlobContainer, connectTableStorage } from '@crm/shared/storage';
import { ALICE, workspaceWith } from '../testing/test-server';
import { connectTestStorage } from '../testing/test-server';
import {
  csvText,
  leadRows,
  startCsvTestServer,
  TEMPLATE,
  type CsvTestServer,
} from '../testing/csv-test-server';
import { blobJobFiles, IMPORT_FILES_CONTAINER } from './job-files';

/**
 * Two tab servers on one store (tables and blobs), each with a data folder of its own, as two App
 * Service instances behind a balancer without affinity: a file previewed on one is checked again and
 * imported on the other, once.
 */
describe('previews shared by two instances', () => {
  const connectionString = process.env.TEST_STORAGE_CONNECTION_STRING as string;
  const prefix = `pv${randomBytes(5).toString('hex')}`;
  let a: CsvTestServer;
  let b: CsvTestServer;
  const blobs = async () => {
    const names: string[] = [];
    const container = connectBlobContainer({ connectionString }, IMPORT_FILES_CONTAINER);
    for await (const blob of container!.listBlobsFlat({ prefix: `${prefix}/` })) names.push(blob.name);
    return names;
  };

  beforeAll(async () => {
    const storage = connectTableStorage({ connectionString }, { tablePrefix: prefix });
    const deps = await connectTestStorage(connectionString, prefix);
    const container = connectBlobContainer({ connectionString }, IMPORT_FILES_CONTAINER);
    if (!container) throw new Error('the test storage has no blob endpoint');
    const instance = async () =>
      startCsvTestServer(
        {
          shared: {
            leases: storage.leases,
            files: blobJobFiles(container, await mkdtemp(join(tmpdir(), 'crm-shared-')), prefix),
          },
        },
        deps,
      );
    [a, b] = [await instance(), await instance()];
  });
  afterAll(() => Promise.all([a.worker.stop(), b.worker.stop()]));

  it('given a file previewed on one instance, then the other checks it again and imports it, once', async () => {
    const ws = await workspaceWith(a, ALICE);
    const auth = { Authorization: `Bearer ${await a.tokenFor(ALICE)}` };
    const previewed = await a.http
      .post(`/api/v1/workspaces/${ws}/imports/previews?kind=lead`)
      .set(auth)
      .set('Content-Type', 'text/csv')
      .send(csvText([TEMPLATE, ...leadRows(30, 'shared')]));
    expect(previewed.status).toBe(201);
    const id = previewed.body.id as string;
    expect(await blobs()).toEqual([`${prefix}/${ws}/preview-${id}.csv`]);

    const again = await b.http.post(`/api/v1/workspaces/${ws}/imports/previews/${id}`).set(auth).send({});
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id });

    const imported = await b.http.post(`/api/v1/workspaces/${ws}/imports`).set(auth).send({ previewId: id });
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ created: 30, errorCount: 0 });

    // Taken: its shared file is gone, and started again anywhere, so is the preview.
    expect(await blobs()).toEqual([]);
    const twice = await a.http.post(`/api/v1/workspaces/${ws}/imports`).set(auth).send({ previewId: id });
    expect(twice.status).toBe(404);
    expect(twice.body).toMatchObject({ code: 'IMPORT.PREVIEW_NOT_FOUND' });
  });
});
