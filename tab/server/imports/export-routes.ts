import type { Response, Router } from 'express';
import { csvLine, domainError, idSchema, UTF8_BOM, type ExportKind } from '@crm/shared';
import { exportRecords, type AppDeps } from '@crm/shared/application';
import { sendDomainError } from '../http/problem';
import { callerOf } from '../http/request-context';

/** URL segment → kind: `GET /workspaces/{ws}/leads/export`... */
export const EXPORTS: Readonly<Record<string, ExportKind>> = {
  leads: 'lead',
  organisations: 'organisation',
  contacts: 'contact',
  opportunities: 'opportunity',
};

export const exportPath = (plural: string): string => `/workspaces/:ws/${plural}/export`;

/** Written in pieces of about this many characters, waiting whenever the client reads slower. */
const CHUNK = 64 * 1024;

/** Resolves once the response can take more, or is gone. */
const drained = (res: Response): Promise<void> =>
  new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.once('drain', done);
    res.once('close', done);
  });

export function mountExportRoutes(router: Router, deps: AppDeps): void {
  for (const [plural, kind] of Object.entries(EXPORTS)) {
    router.get(exportPath(plural), async (req, res) => {
      const ws = String(req.params.ws);
      if (!idSchema.safeParse(ws).success) {
        return sendDomainError(req, res, domainError('WORKSPACE.NOT_FOUND', 'No such workspace.'));
      }
      const table = await exportRecords(deps, callerOf(req, res), ws, kind);
      if (!table.ok) return sendDomainError(req, res, table.error);
      const date = deps.clock.now().slice(0, 10);
      res.status(200).set({
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${plural}-${date}.csv"`,
      });
      // A BOM so that Excel reads UTF-8 (Ø, ã, ë) instead of the machine's code page.
      let pending = UTF8_BOM + csvLine(table.value.columns);
      for await (const row of table.value.rows) {
        pending += csvLine(row);
        if (pending.length < CHUNK) continue;
        const more = res.write(pending);
        pending = '';
        if (!more) await drained(res);
        if (res.destroyed) return;
      }
      res.end(pending);
    });
  }
}
