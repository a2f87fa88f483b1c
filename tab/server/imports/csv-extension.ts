import { Router } from 'express';
import type { ImportDeps } from '@crm/shared/application';
import type { ApiExtension } from '../app';
import { answerOtherMethods } from '../http/method-not-allowed';
import { EXPORTS, exportPath, mountExportRoutes } from './export-routes';
import { IMPORT_JOB_PATH, IMPORT_PATH, mountImportRoutes, type ImportRouteOptions } from './import-routes';
import { spoolDir } from './import-files';
import { CSV_OPERATIONS } from './openapi-paths';
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
  for (const [path, method] of allowed) answerOtherMethods(router, path, [method]);
  return { router, operations: CSV_OPERATIONS };
}
