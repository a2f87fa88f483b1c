import { LOST, WON, type StageConfig } from '../opportunity/stage';
import { firstOpenStage } from '../opportunity/stages';
import { headerKey } from './import-headers';
import type { ValueHow } from './import-choices';

/** The default stages' labels in our four languages. */
const OUR_WORDS: Readonly<Record<string, readonly string[]>> = {
  prospecting: ['Prospecting', 'Prospectie', 'Prospecção', 'Prospektering'],
  qualification: ['Qualification', 'Kwalificatie', 'Qualificação', 'Kvalifisering'],
  'needs-analysis': ['Needs analysis', 'Behoefteanalyse', 'Análise de necessidades', 'Behovsanalyse'],
  'value-proposition': ['Value proposition', 'Waardepropositie', 'Proposta de valor', 'Verdiforslag'],
  proposal: ['Proposal', 'Offerte', 'Proposta', 'Tilbud'],
  negotiation: ['Negotiation', 'Onderhandeling', 'Negociação', 'Forhandling'],
  [WON]: ['Closed – Won', 'Gesloten – Gewonnen', 'Fechada – Ganha', 'Lukket – Vunnet'],
  [LOST]: ['Closed – Lost', 'Gesloten – Verloren', 'Fechada – Perdida', 'Lukket – Tapt'],
};

/**
 * The default pipelines of Salesforce (StageName), HubSpot (deal stages, internal value and label)
 * and Pipedrive, to the default stage nearest in meaning. Used only when the workspace has that stage.
 */
const THEIR_WORDS: Readonly<Record<string, readonly string[]>> = {
  prospecting: ['Lead In', 'New', 'Appointment Scheduled', 'appointmentscheduled'],
  qualification: ['Qualified', 'Qualified To Buy', 'qualifiedtobuy', 'Contact Made', 'Contacted'],
  'needs-analysis': [
    'Needs Defined',
    'Id. Decision Makers',
    'Demo Scheduled',
    'Presentation Scheduled',
    'presentationscheduled',
  ],
  'value-proposition': ['Perception Analysis', 'Decision Maker Bought-In', 'decisionmakerboughtin'],
  proposal: ['Proposal/Price Quote', 'Proposal Made', 'Quote', 'Quote Sent'],
  negotiation: ['Negotiation/Review', 'Negotiations Started', 'Contract Sent', 'contractsent'],
  [WON]: ['Closed Won', 'closedwon', 'Won'],
  [LOST]: ['Closed Lost', 'closedlost', 'Lost'],
};

export type MappedStage =
  | { readonly value: string; readonly how: ValueHow }
  /** No stage of the workspace answers to it: the preview asks; an import without an answer uses `value`. */
  | { readonly value: string | undefined; readonly how: 'ask' };

/** A stage text → one of the workspace's stages: its id, its label, our default words, then theirs. */
export function mapStage(stages: StageConfig, text: string): MappedStage {
  const key = headerKey(text);
  for (const stage of stages) {
    if (headerKey(stage.id) === key || (stage.label && headerKey(stage.label) === key))
      return { value: stage.id, how: 'exact' };
  }
  const has = (id: string) => stages.some((s) => s.id === id);
  for (const [id, words] of Object.entries(OUR_WORDS))
    if (has(id) && words.some((w) => headerKey(w) === key)) return { value: id, how: 'exact' };
  for (const [id, words] of Object.entries(THEIR_WORDS))
    if (has(id) && words.some((w) => headerKey(w) === key)) return { value: id, how: 'synonym' };
  return { value: firstOpenStage(stages)?.id, how: 'ask' };
}
