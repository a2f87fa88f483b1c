import type { Campaign, Lead } from '@crm/shared';
import { useTranslation } from 'react-i18next';
import { LEAD_ENTITY } from '../leads/lead-entity';
import { RecordDetail } from '../records/RecordDetail';
import { RecordListView } from '../records/RecordListView';
import { RelatedList } from '../records/RelatedList';
import { CAMPAIGN_ENTITY } from './campaign-entity';
import { CampaignResults } from './CampaignResults';

export type CampaignsViewProps = { readonly workspaceId: string; readonly recordId?: string };

/** Campaigns with their results and ROI, or one campaign with its results and leads. */
export function CampaignsView({ workspaceId, recordId }: CampaignsViewProps) {
  const { t } = useTranslation();
  if (!recordId)
    return (
      <>
        <RecordListView<Campaign> entity={CAMPAIGN_ENTITY} workspaceId={workspaceId} />
        <CampaignResults workspaceId={workspaceId} />
      </>
    );
  return (
    <RecordDetail<Campaign>
      entity={CAMPAIGN_ENTITY}
      workspaceId={workspaceId}
      recordId={recordId}
      sections={(campaign) => (
        <>
          <CampaignResults workspaceId={workspaceId} campaignId={campaign.id} />
          <RelatedList<Lead>
            entity={LEAD_ENTITY}
            workspaceId={workspaceId}
            query={{ campaignId: campaign.id }}
            heading={t('campaigns.leadsOf', { name: campaign.name })}
          />
        </>
      )}
    />
  );
}

export default CampaignsView;
