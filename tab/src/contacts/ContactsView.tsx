import type { Contact } from '@crm/shared';
import { reassignBulk } from '../owners/ReassignButton';
import { RecordDetail } from '../records/RecordDetail';
import { RecordListView } from '../records/RecordListView';
import { CONTACT_ENTITY } from './contact-entity';

export type ContactsViewProps = { readonly workspaceId: string; readonly recordId?: string };

/** Contacts, or one with its organisation (linked) and activities. */
export function ContactsView({ workspaceId, recordId }: ContactsViewProps) {
  if (!recordId)
    return (
      <RecordListView<Contact>
        entity={CONTACT_ENTITY}
        workspaceId={workspaceId}
        bulk={reassignBulk(workspaceId, 'contacts', CONTACT_ENTITY.title)}
      />
    );
  return (
    <RecordDetail<Contact>
      entity={CONTACT_ENTITY}
      workspaceId={workspaceId}
      recordId={recordId}
      regarding="contact"
    />
  );
}

export default ContactsView;
