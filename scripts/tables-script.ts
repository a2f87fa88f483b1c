import { STORAGE_REQUIRED, storageConfigOf, withoutEmpty } from '../shared/src/runtime';
import { connectTableStorage } from '../shared/src/storage';

export type Tables = ReturnType<typeof connectTableStorage>;

/**
 * A maintenance script over the tables (`npm run reindex`, `npm run rebuild-figures`): the tab
 * server's storage settings (STORAGE_CONNECTION_STRING or STORAGE_ACCOUNT_URL, and TABLE_PREFIX,
 * default `crm`), the tables made where missing, then `work` with the workspace id the command line
 * names (undefined: every workspace). A failure prints its message and exits 1.
 */
export function runOnTables(work: (storage: Tables, workspaceId: string | undefined) => Promise<void>): void {
  const main = async () => {
    const env = withoutEmpty(process.env) as Record<string, string | undefined>;
    const config = storageConfigOf(env);
    if (!config) throw new Error(STORAGE_REQUIRED);
    const storage = connectTableStorage(config, { tablePrefix: env.TABLE_PREFIX ?? 'crm' });
    await storage.ensureTables();
    await work(storage, process.argv[2]);
  };
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
