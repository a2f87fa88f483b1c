import { Router } from 'express';
import { IMPORT_FILE_LIMITS } from '@crm/shared';
import type { ImportDeps } from '@crm/shared/application';
import type { ApiExtension } from '../app';
import { answerOtherMethods } from '../http/method-not-allowed';
import { EXPORTS, exportPath, mountExportRoutes } from './export-routes';
import {
  IMPORT_JOB_PATH,
  IMPORTS,
  importPath,
  mountImportRoutes,
  type ImportRouteOptions,
} from './import-routes';
import { createPreviewStore, type PreviewStore } from './preview-store';
import { PREVIEW_PATH, PREVIEWS_PATH, START_IMPORT_PATH, mountPreviewRoutes } from './preview-routes';
import { DEFAULT_CSV_LIMITS } from './csv-file';
import { spoolDir } from './import-files';
import { CSV_OPERATIONS } from './openapi-paths';
import { DEFAULT_XLSX_LIMITS, type XlsxLimits } from './xlsx-file';
import { createImportSlots, type ImportSlotLimits } from './import-slots';
import { WORKBOOK_SHEET_PATH, mountWorkbookRoutes } from './workbook-routes';
import type { JobFiles } from './job-files';
import type { Leases } from '@crm/shared/storage';
import { createSpoolQuota } from './spool-quota';

export const DEFAULT_IMPORT_LIMITS = {
  maxBytes: IMPORT_FILE_LIMITS.maxBytes,
  inlineMaxRows: 1000,
  /** One running and three waiting. */
  maxJobsPerWorkspace: 4,
  /** A previewed file waits this long for its import, and a person keeps this many at once. */
  previews: { ttlMs: 60 * 60 * 1000, perOwner: 2 },
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
    readonly previews?: { readonly ttlMs: number; readonly perOwner: number };
    /** Where previews are kept for every instance (the directory table, Blob Storage); default: this process. */
    readonly shared?: { readonly leases?: Leases; readonly files?: JobFiles };
    readonly previewStore?: PreviewStore;
    /** What an .xlsx may hold, over DEFAULT_XLSX_LIMITS. */
    readonly xlsxLimits?: Partial<XlsxLimits>;
  };

export type CsvExtension = ApiExtension & { readonly previews: PreviewStore };

/**
 * CSV import and export of records, on the authenticated /api/v1 router ahead of the JSON routes
 * (so `/leads/import` and `/leads/export` are never read as `/leads/{id}`).
 */
export function csvExtension(deps: ImportDeps, options: CsvExtensionOptions): CsvExtension {
  const router = Router();
  const limits = { ...DEFAULT_IMPORT_LIMITS, ...options };
  const quota = createSpoolQuota(spoolDir(options.dataDir), limits.spoolLimitBytes);
  const slots = options.slots ?? createImportSlots(limits.inFlight);
  const previews =
    options.previewStore ?? createPreviewStore(options.dataDir, limits.previews, options.shared ?? {});
  const routeOptions = {
    ...limits,
    quota,
    slots,
    xlsxLimits: { ...DEFAULT_XLSX_LIMITS, ...options.xlsxLimits },
  };
  // Previews and sheets first: `/imports/previews` is not an import job's id.
  mountPreviewRoutes(router, deps, routeOptions, previews);
  mountWorkbookRoutes(router, deps, routeOptions);
  mountImportRoutes(router, deps, routeOptions);
  mountExportRoutes(router, deps);
  const allowed: [string, string][] = [
    [PREVIEWS_PATH, 'POST'],
    [PREVIEW_PATH, 'POST'],
    [START_IMPORT_PATH, 'POST'],
    [WORKBOOK_SHEET_PATH, 'POST'],
    ...Object.keys(IMPORTS).map((plural): [string, string] => [importPath(plural), 'POST']),
    [IMPORT_JOB_PATH, 'GET'],
    ...Object.keys(EXPORTS).map((plural): [string, string] => [exportPath(plural), 'GET']),
  ];
  for (const [path, method] of allowed) answerOtherMethods(router, path, [method]);
  return { router, operations: CSV_OPERATIONS, previews };
}
