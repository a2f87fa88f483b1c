import type { PipelineReport } from '@crm/shared';
import { runReport } from '@crm/shared/application';
import { pipelineCard } from '../cards/pipeline-card';
import { cardReply } from '../replies/bot-reply';
import type { CommandSpec } from './command';

/** `pipeline`: the same pipeline report the tab shows, per currency. */
export const pipelineCommand: CommandSpec = {
  name: 'pipeline',
  showsRecords: true,
  help: 'help.pipeline',
  manifest: 'manifest.pipeline',
  async run({ app, caller, workspace, localized }) {
    const report = await runReport(app, caller, workspace.record.id, 'pipeline');
    if (!report.ok) return report;
    const heading = localized.t('pipeline.title', { workspace: workspace.record.name });
    const card = pipelineCard(
      localized,
      heading,
      report.value as PipelineReport,
      workspace.record.settings.stages,
    );
    return { ok: true, value: cardReply(card, heading) };
  },
};
