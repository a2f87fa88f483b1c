import type { Contact, Organisation } from '@crm/shared';

/** The kinds two records of which can be merged. */
export type MergeablePlural = 'organisations' | 'contacts';
export type MergeableRecord = Organisation | Contact;
