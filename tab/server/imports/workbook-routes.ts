import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import type { Router } from 'express';
import type { ImportDeps } from '@crm/shared/application';
import { receiveUpload, type ImportRouteOptions } from './import-routes';
import { WORKBOOK_FILES } from './upload';

export const WORKBOOK_SHEET_PATH = '/workspaces/:ws/imports/workbook-sheet';

/**
 * An .xlsx read as an import reads it, and given back: its first sheet as the UTF-8 CSV (`,`, CRLF,
 * a line per sheet row) that previewImport and the imports read, so that a client can repeat the rows
 * an import reported as the user's sheet had them, at the row numbers the import gave (the tab's
 * error file). The upload's limits, slots and refusals are the import's; nothing is kept.
 */
export function mountWorkbookRoutes(router: Router, deps: ImportDeps, options: ImportRouteOptions): void {
  router.post(WORKBOOK_SHEET_PATH, (req, res) =>
    receiveUpload(
      req,
      res,
      deps,
      options,
      () => ({}),
      async ({ upload }) => {
        try {
          res.status(200).type('text/csv; charset=utf-8');
          await pipeline(createReadStream(upload.path), res);
        } catch (error) {
          // The client went away while the sheet was sent: nothing is left to answer.
          req.log.warn({ err: error }, 'Workbook sheet not sent whole');
        } finally {
          await rm(upload.path, { force: true });
        }
      },
      WORKBOOK_FILES,
    ),
  );
}
