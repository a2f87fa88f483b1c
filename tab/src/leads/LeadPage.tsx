import { RecordDetail } from '../records/RecordDetail';
import { LEAD_ENTITY } from './lead-entity';
import { LeadActions } from './LeadActions';
import { LeadSections } from './LeadSections';

export type LeadPageProps = { readonly workspaceId: string; readonly recordId: string };

/**
 * One lead's page: its fields, status and owner, its own buttons (convert, disqualify, reopen), the
 * qualification checklist and history, its activities. Loaded when first opened: the leads list is
 * the first screen and does not carry it.
 */
export default function LeadPage({ workspaceId, recordId }: LeadPageProps) {
  return (
    <RecordDetail
      entity={LEAD_ENTITY}
      workspaceId={workspaceId}
      recordId={recordId}
      regarding="lead"
      actions={(lead, act) => <LeadActions workspaceId={workspaceId} lead={lead} act={act} />}
      sections={(lead, act) => <LeadSections workspaceId={workspaceId} lead={lead} act={act} />}
    />
  );
}
