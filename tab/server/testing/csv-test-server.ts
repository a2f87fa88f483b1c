import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Actor } from '@crm/shared';
import type { ImportDeps } from '@crm/shared/application';
import { createLogger } from '../http/logging';
import { startTestServer, testStorage } from './test-server';
import { csvExtension, type CsvExtensionOptions } from '../imports/csv-extension';
import { createImportWorker } from '../imports/import-worker';

/** The test server with the CSV routes (over Azurite unless `storage` is given), a worker and a data directory. */
export async function startCsvTestServer(
  limits: Omit<CsvExtensionOptions, 'worker' | 'dataDir'> = {},
  storage?: ImportDeps,
) {
  const deps = storage ?? (await testStorage('csv'));
  const dataDir = await mkdtemp(join(tmpdir(), 'crm-import-'));
  const worker = createImportWorker(deps, { dataDir, logger: createLogger('silent') });
  const server = await startTestServer({
    app: deps,
    extensions: [csvExtension(deps, { worker, dataDir, ...limits })],
  });
  const auth = async (actor: Actor) => `Bearer ${await server.tokenFor(actor)}`;
  return {
    ...server,
    deps,
    dataDir,
    worker,
    /** POSTs a CSV body (text or bytes) to the lead import. */
    importCsv: async (actor: Actor, ws: string, body: string | Buffer, type = 'text/csv') =>
      server.http
        .post(`/api/v1/workspaces/${ws}/leads/import`)
        .set('Authorization', await auth(actor))
        .set('Content-Type', type)
        .send(body),
    getPath: async (actor: Actor, path: string) =>
      server.http.get(path).set('Authorization', await auth(actor)),
  };
}

export type CsvTestServer = Awaited<ReturnType<typeof startCsvTestServer>>;

export const csvText = (rows: readonly (readonly string[])[]): string =>
  Papa.unparse(rows as string[][], { newline: '\r\n' });

/** Cells as a spreadsheet splitting on `delimiter` sees them (default: auto-detected, as Papa does). */
export const parseCsv = (text: string, delimiter?: string): string[][] =>
  Papa.parse<string[]>(text, { skipEmptyLines: true, ...(delimiter ? { delimiter } : {}) }).data;

export const TEMPLATE = ['firstName', 'lastName', 'email', 'company', 'title', 'phone', 'source', 'campaign'];

const NAMES: readonly (readonly [string, string, string])[] = [
  ['Sanne', 'de Vries', 'Bakkerij de Vries'],
  ['João', 'Gonçalves', 'Gonçalves & Filhos Lda'],
  ['Kari', 'Østby', 'Østby Fisk AS'],
  ['Maarten', 'van den Berg', 'Van den Berg Transport'],
  ['Inês', 'Araújo', 'Araújo Têxteis'],
  ['Øyvind', 'Håland', 'Håland Bygg'],
];

/** `n` template rows with distinct emails. */
export const leadRows = (n: number, tag = 'x'): string[][] =>
  Array.from({ length: n }, (_, i) => {
    const [first, last, company] = NAMES[i % NAMES.length] as readonly [string, string, string];
    return [
      first,
      last,
      `${tag}.${i}@example.com`,
      company,
      'Inkoper',
      `+31 20 555 ${String(i).padStart(4, '0')}`,
      'web',
      '',
    ];
  });
