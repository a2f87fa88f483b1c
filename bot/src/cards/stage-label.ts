import type { StageConfig } from '@crm/shared';
import type { MessageKey } from '../messages/locales/en';
import type { Translate } from '../messages/translator';

const DEFAULT_STAGE_KEYS: Readonly<Record<string, MessageKey>> = {
  prospecting: 'stage.prospecting',
  qualification: 'stage.qualification',
  'needs-analysis': 'stage.needs-analysis',
  'value-proposition': 'stage.value-proposition',
  proposal: 'stage.proposal',
  negotiation: 'stage.negotiation',
  'closed-won': 'stage.closed-won',
  'closed-lost': 'stage.closed-lost',
};

/** The workspace's own label when it set one, else the default stage's translation, else the id. */
export function stageLabel(t: Translate, stages: StageConfig, id: string, label?: string): string {
  const own = label ?? stages.find((s) => s.id === id)?.label;
  if (own) return own;
  const key = DEFAULT_STAGE_KEYS[id];
  return key ? t(key) : id;
}
