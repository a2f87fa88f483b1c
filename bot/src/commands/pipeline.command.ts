import type { PipelineReport, Result } from '@crm/shared';
import { runReport, type AppDeps, type Caller, type WorkspaceView } from '@crm/shared/application';
import { pipelineCard } from '../cards/pipeline-card';
import type { BotReply } from '../conversation/chat-message';
import type { Localized } from '../messages/translator';

/** `pipeline`: the same pipeline report the tab shows, per currency. */
export async function pipelineCommand(
  deps: AppDeps,
  caller: Caller,
  workspace: WorkspaceView,
  localized: Localized,
): Promise<Result<BotReply>> {
  const report = await runReport(deps, caller, workspace.record.id, 'pipeline');
  if (!report.ok) return report;
  const heading = localized.t('pipeline.title', { workspace: workspace.record.name });
  const card = pipelineCard(
    localized,
    heading,
    report.value as PipelineReport,
    workspace.record.settings.stages,
  );
  return { ok: true, value: { kind: 'card', card, summary: heading } };
}
