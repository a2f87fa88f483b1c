import { domainError } from '../../common/domain-error';
import { err, ok, type Result } from '../../common/result';
import type { Id, WorkspaceId } from '../../common/types';
import { staleDays } from '../../opportunity/deal-touch';
import type { Opportunity } from '../../opportunity/opportunity';
import { unknownStage } from '../../opportunity/opportunity-rules';
import { findStage } from '../../opportunity/stages';
import type { StageId } from '../../opportunity/stage';
import { DEAL_ROW, stageTotals, type DealTotalsByCurrency } from '../../reports';
import type { Page, Versioned } from '../../records/versions';
import { accessWorkspace } from '../access';
import type { AppDeps, Caller } from '../deps';

/** Deals a board column shows before the user scrolls for more. */
export const BOARD_PAGE = 20;
const MAX_PAGE = 200;

export type BoardCards = {
  readonly items: readonly Versioned<Opportunity>[];
  readonly nextCursor?: string;
  /** Days since the last touch of each listed deal that is stale (deal-touch.ts), by id. */
  readonly stale: Readonly<Record<Id, number>>;
};

export type BoardColumn = BoardCards & {
  readonly stage: StageId;
  readonly label?: string;
  /** Every deal in the stage, and their totals per currency: from the figures, not from the cards. */
  readonly count: number;
  readonly totals: DealTotalsByCurrency;
};

export type Board = { readonly staleAfterDays: number; readonly columns: readonly BoardColumn[] };

/**
 * The pipeline board: per stage of the workspace, its first deals (newest first) with each column's
 * count and totals per currency from the maintained figures. One figure row and one key range per
 * stage: what it reads grows with the stages, not with the deals.
 */
export async function openBoard(
  deps: AppDeps,
  caller: Caller,
  ws: WorkspaceId,
  options: { readonly limit?: number } = {},
): Promise<Result<Board>> {
  const access = await accessWorkspace(deps, caller.actor, ws, 'read');
  if (!access.ok) return access;
  const { stages, staleAfterDays } = access.value.workspace.record.settings;
  const size = pageSize(options.limit);
  if (!size.ok) return size;
  const limit = size.value;
  const now = deps.clock.now();
  const [figures, ...pages] = await Promise.all([
    deps.records.readFigures(ws, { rows: [DEAL_ROW] }),
    ...stages.map((stage) => deps.records.boardColumn(ws, stage.id, { limit })),
  ]);
  const deals = figures.get(DEAL_ROW);
  const columns = stages.map((stage, i): BoardColumn => {
    const totals = stageTotals(deals, stage.id);
    return {
      stage: stage.id,
      ...(stage.label ? { label: stage.label } : {}),
      count: Object.values(totals).reduce((n, t) => n + t.count, 0),
      totals,
      ...cards(pages[i] as Page<Versioned<Opportunity>>, now, staleAfterDays),
    };
  });
  return ok({ staleAfterDays, columns });
}

/** More deals of one column (the board scrolled): the page after `cursor`. */
export async function moreBoardCards(
  deps: AppDeps,
  caller: Caller,
  ws: WorkspaceId,
  stage: StageId,
  options: { readonly limit?: number; readonly cursor?: string } = {},
): Promise<Result<BoardCards>> {
  const access = await accessWorkspace(deps, caller.actor, ws, 'read');
  if (!access.ok) return access;
  const { stages, staleAfterDays } = access.value.workspace.record.settings;
  if (!findStage(stages, stage)) return unknownStage(stage);
  const limit = pageSize(options.limit);
  if (!limit.ok) return limit;
  const page = await deps.records.boardColumn(ws, stage, {
    limit: limit.value,
    ...(options.cursor ? { cursor: options.cursor } : {}),
  });
  return ok(cards(page, deps.clock.now(), staleAfterDays));
}

function pageSize(limit: number | undefined): Result<number> {
  const size = limit ?? BOARD_PAGE;
  if (Number.isInteger(size) && size >= 1 && size <= MAX_PAGE) return ok(size);
  const message = `must be a whole number from 1 to ${MAX_PAGE}`;
  return err(domainError('VALIDATION.FAILED', message, { fields: { limit: message } }));
}

function cards(page: Page<Versioned<Opportunity>>, now: string, staleAfterDays: number): BoardCards {
  const stale: Record<Id, number> = {};
  for (const { record } of page.items) {
    const days = staleDays(record, now, staleAfterDays);
    if (days !== undefined) stale[record.id] = days;
  }
  return { items: page.items, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}), stale };
}
