import type { Contact, Opportunity, Organisation } from '@crm/shared';
import { useTranslation } from 'react-i18next';
import { CONTACT_ENTITY } from '../contacts/contact-entity';
import { MergeableList } from '../duplicates/MergeableList';
import { RecordDetail } from '../records/RecordDetail';
import { RelatedList } from '../records/RelatedList';
import { DEAL_LINKS } from './deal-entity';
import { ORGANISATION_ENTITY } from './organisation-entity';

/** Organisations merge two at a time (`duplicates/MergeDialog.tsx`). */
const MERGEABLE = { ...ORGANISATION_ENTITY, plural: 'organisations' } as const;

export type OrganisationsViewProps = { readonly workspaceId: string; readonly recordId?: string };

/** Organisations, or one with its contacts, deals and activities. */
export function OrganisationsView({ workspaceId, recordId }: OrganisationsViewProps) {
  const { t } = useTranslation();
  if (!recordId) return <MergeableList<Organisation> entity={MERGEABLE} workspaceId={workspaceId} />;
  return (
    <RecordDetail<Organisation>
      entity={ORGANISATION_ENTITY}
      workspaceId={workspaceId}
      recordId={recordId}
      regarding="organisation"
      sections={(organisation) => (
        <>
          <RelatedList<Contact>
            entity={CONTACT_ENTITY}
            workspaceId={workspaceId}
            query={{ organisationId: organisation.id }}
            heading={t('organisations.contactsOf', { name: organisation.name })}
          />
          <RelatedList<Opportunity>
            entity={DEAL_LINKS}
            workspaceId={workspaceId}
            query={{ organisationId: organisation.id }}
            heading={t('organisations.dealsOf', { name: organisation.name })}
          />
        </>
      )}
    />
  );
}

export default OrganisationsView;
