import { Router } from 'express';
import type { ImportDeps } from '@crm/shared/application';
import type { ApiExtension } from '../app';
import { sendTransportError } from '../http/problem';
import { EXPORTS, exportPath, mountExportRoutes } from './export-routes';
import { IMPORT_JOB_PATH, IMPORT_PATH, mountImportRoutes, type ImportRouteOptions } from './import-routes';
import { spoolDir } from './import-files';
import { CSV_OPEN_API_PATHS } from './openapi-paths';
import { createSpoolQuota } from './spool-quota';

export const DEFAULT_IMPORT_LIMITS = {
  maxBytes: 50 * 1024 * 1024,
  inlineMaxRows: 1000,
  /** One running and three waiting. */
  maxJobsPerWorkspace: 4,
  spoolLimitBytes: 1024 * 1024 * 1024,
} as const;

export type CsvExtensionOptions = Pick<ImportRouteOptions, 'worker' | 'dataDir'> &
  Partial<Pick<ImportRouteOptions, 'maxBytes' | 'inlineMaxRows' | 'maxJobsPerWorkspace'>> & {
    readonly spoolLimitBytes?: number;
  };

/**
 * CSV import and export of records, on the authenticated /api/v1 router ahead of the JSON routes
 * (so `/leads/import` and `/leads/export` are never read as `/leads/{id}`).
 */
export function csvExtension(deps: ImportDeps, options: CsvExtensionOptions): ApiExtension {
  const router = Router();
  const limits = { ...DEFAULT_IMPORT_LIMITS, ...options };
  const quota = createSpoolQuota(spoolDir(options.dataDir), limits.spoolLimitBytes);
  mountImportRoutes(router, deps, { ...limits, quota });
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
