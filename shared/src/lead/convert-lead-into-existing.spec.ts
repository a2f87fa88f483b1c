import type { ErrorCode } from '../common/error-codes';
import type { ConversionContext } from './convert-lead';
import { aContact, anOrganisation, codeOf, convert } from './conversion.fixtures';
import { T1 } from './lead.fixtures';

describe('decideConversion: into existing records', () => {
  it('given an organisation with empty fields, then only those are filled and it is marked changed', () => {
    const org = anOrganisation({ industry: 'Fish' });
    const result = convert({ organisationId: 'org-1' }, { existingOrganisation: org });
    if (!result.ok) throw new Error(result.error.code);
    expect(result.value.organisation).toEqual({
      created: false,
      changed: true,
      record: { ...org, website: 'https://fjordfisk.no', updatedAt: T1, updatedBy: 'bob' },
    });
    expect(result.value.contact.record.organisationId).toBe('org-1');
    expect(result.value.opportunity?.record.name).toBe('Fjord Fisk \u2013 2026-03-03');
  });

  it('given an organisation with every field the lead has, then it is left exactly as it was', () => {
    const org = anOrganisation({ website: 'https://www.fjordfisk.no', industry: 'Fish' });
    const result = convert({ organisationId: 'org-1' }, { existingOrganisation: org });
    expect(result.ok && result.value.organisation).toEqual({ created: false, changed: false, record: org });
  });

  it('given a contact of the organisation, then its empty fields are filled and the rest kept', () => {
    const contact = aContact({ firstName: 'Inga', phone: '+47 99' });
    const result = convert(
      { organisationId: 'org-1', contactId: 'contact-1' },
      { existingOrganisation: anOrganisation(), existingContact: contact },
    );
    if (!result.ok) throw new Error(result.error.code);
    expect(result.value.contact).toEqual({
      created: false,
      changed: true,
      record: {
        ...contact,
        email: 'ingrid@fjordfisk.no',
        title: 'Innkjøpssjef',
        updatedAt: T1,
        updatedBy: 'bob',
      },
    });
    expect(result.value.lead.convertedContactId).toBe('contact-1');
    expect(result.value.opportunity?.record.primaryContactId).toBe('contact-1');
  });

  it.each<[string, unknown, Partial<ConversionContext>, ErrorCode]>([
    [
      'a contact of another organisation',
      { contactId: 'contact-1' },
      { existingOrganisation: anOrganisation({ id: 'org-2' }), existingContact: aContact() },
      'CONVERSION.CONTACT_NOT_IN_ORGANISATION',
    ],
    [
      'a contact but a new organisation',
      { contactId: 'contact-1' },
      { existingContact: aContact() },
      'CONVERSION.CONTACT_NOT_IN_ORGANISATION',
    ],
    [
      'an organisation id without the record',
      { organisationId: 'org-1' },
      {},
      'CONVERSION.ORGANISATION_NOT_FOUND',
    ],
    [
      'an organisation id of another record',
      { organisationId: 'org-1' },
      { existingOrganisation: anOrganisation({ id: 'org-2' }) },
      'CONVERSION.ORGANISATION_NOT_FOUND',
    ],
    [
      'an organisation of another workspace',
      {},
      { existingOrganisation: anOrganisation({ workspaceId: 'ws-2' }) },
      'CONVERSION.ORGANISATION_NOT_FOUND',
    ],
    [
      'a contact id without the record',
      { organisationId: 'org-1', contactId: 'contact-1' },
      { existingOrganisation: anOrganisation() },
      'CONVERSION.CONTACT_NOT_FOUND',
    ],
    [
      'a contact of another workspace',
      {},
      { existingOrganisation: anOrganisation(), existingContact: aContact({ workspaceId: 'ws-2' }) },
      'CONVERSION.CONTACT_NOT_FOUND',
    ],
  ])('given %s, then it fails', (_, input, ctx, code) => {
    expect(codeOf(convert(input, ctx))).toBe(code);
  });
});
