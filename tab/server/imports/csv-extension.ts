import { Router } from 'express';
import type { ImportDeps } from '@crm/shared/application';
import type { ApiExtension } from '../app';
import { sendTransportError } from '../http/problem';
import { EXPORTS, exportPath, mountExportRoutes } from './export-routes';
import { IMPORT_JOB_PATH, IMPORT_PATH, mountImportRoutes, type ImportRouteOptions } from './import-routes';
import { DEFAULT_CSV_LIMITS } from './csv-file';
import { spoolDir } from './import-files';
import { createImportSlots, type ImportSlotLimits } from './import-slots';
import { CSV_OPEN_API_PATHS } from './openapi-paths';
import { createSpoolQuota } from './spool-quota';

export const DEFAULT_IMPORT_LIMITS = {
  maxBytes: 50 * 1024 * 1024,
  inlineMaxRows: 1000,
  /** One running and three waiting. */
  maxJobsPerWorkspace: 4,
  spoolLimitBytes: 1024 * 1024 * 1024,
  csvLimits: DEFAULT_CSV_LIMITS,
  /**
   * Imports uploading or importing within their request at once: two a person (a second tab, a
   * retry), four in all, so that a few people cannot hold every core of a small plan.
   */
  inFlight: { perUser: 2, perServer: 4 } satisfies ImportSlotLimits,
} as const;

export type CsvExtensionOptions = Pick<ImportRouteOptions, 'worker' | 'dataDir'> &
  Partial<
    Pick<ImportRouteOptions, 'maxBytes' | 'inlineMaxRows' | 'maxJobsPerWorkspace' | 'csvLimits' | 'slots'>
  > & {
    readonly spoolLimitBytes?: number;
    /** Ignored when `slots` is given. */
    readonly inFlight?: ImportSlotLimits;
  };

/**
 * CSV import and export of records, on the authenticated /api/v1 router ahead of the JSON routes
 * (so `/leads/import` and `/leads/export` are never read as `/leads/{id}`).
 */
export function csvExtension(deps: ImportDeps, options: CsvExtensionOptions): ApiExtension {
  const router = Router();
  const limits = { ...DEFAULT_IMPORT_LIMITS, ...options };
  const quota = createSpoolQuota(spoolDir(options.dataDir), limits.spoolLimitBytes);
  const slots = options.slots ?? createImportSlots(limits.inFlight);
  mountImportRoutes(router, deps, { ...limits, quota, slots });
  mountExportRoutes(router, deps);
  const allowed: [string, string][] = [
    [IMPORT_PATH, 'POST'],
    [IMPORT_JOB_PATH, 'GET'],
    ...Object.keys(EXPORTS).map((plural): [string, string] => [exportPath(plural), 'GET']),
  ];
  for (const [path, method] of allowed) {
    router.all(path, (req, res) => {
      res.set('Allow', method);
      sendTransportError(req, res, 'ROUTE.METHOD_NOT_ALLOWED', `Use ${method} here.`);
    });
  }
  return { router, openApiPaths: CSV_OPEN_API_PATHS };
}
