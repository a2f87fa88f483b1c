import type { Contact } from '@crm/shared';
import { MergeableList } from '../duplicates/MergeableList';
import { RecordDetail } from '../records/RecordDetail';
import { CONTACT_ENTITY } from './contact-entity';

/** Contacts merge two at a time (`duplicates/MergeDialog.tsx`). */
const MERGEABLE = { ...CONTACT_ENTITY, plural: 'contacts' } as const;

export type ContactsViewProps = { readonly workspaceId: string; readonly recordId?: string };

/** Contacts, or one with its organisation (linked) and activities. */
export function ContactsView({ workspaceId, recordId }: ContactsViewProps) {
  if (!recordId) return <MergeableList<Contact> entity={MERGEABLE} workspaceId={workspaceId} />;
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
