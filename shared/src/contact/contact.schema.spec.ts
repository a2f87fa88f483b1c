import { parseInput } from '../common/validation';
import { ContactCreateInputSchema, ContactPatchInputSchema } from './contact.schema';

const failedFields = (result: ReturnType<typeof parseInput>) =>
  Object.keys((!result.ok && result.error.fields) || {});

describe('ContactCreateInputSchema', () => {
  it('given an organisation and a last name, then relationship is customer and not a decision maker', () => {
    expect(ContactCreateInputSchema.parse({ organisationId: 'org-1', lastName: 'de Vries' })).toEqual({
      organisationId: 'org-1',
      lastName: 'de Vries',
      relationship: 'customer',
      isDecisionMaker: false,
    });
  });

  it.each([
    ['no organisation', { lastName: 'X' }, 'organisationId'],
    ['no last name', { organisationId: 'org-1' }, 'lastName'],
    [
      'an unknown relationship',
      { organisationId: 'org-1', lastName: 'X', relationship: 'friend' },
      'relationship',
    ],
    ['a bad email', { organisationId: 'org-1', lastName: 'X', email: 'x@' }, 'email'],
    [
      'a decision maker as text',
      { organisationId: 'org-1', lastName: 'X', isDecisionMaker: 'yes' },
      'isDecisionMaker',
    ],
    ['an unknown key', { organisationId: 'org-1', lastName: 'X', age: 40 }, '(body)'],
  ])('given %s, then it is rejected', (_, input, field) => {
    expect(failedFields(parseInput(ContactCreateInputSchema, input))).toContain(field);
  });
});

describe('ContactPatchInputSchema', () => {
  it('given a new organisation and cleared fields, then they parse', () => {
    expect(ContactPatchInputSchema.parse({ organisationId: 'org-2', mobile: '', email: null })).toEqual({
      organisationId: 'org-2',
      mobile: null,
      email: null,
    });
  });

  it.each([
    ['a null organisation', { organisationId: null }, 'organisationId'],
    ['a null last name', { lastName: null }, 'lastName'],
    ['an unknown key', { workspaceId: 'ws-2' }, '(body)'],
  ])('given %s, then it is rejected', (_, input, field) => {
    expect(failedFields(parseInput(ContactPatchInputSchema, input))).toContain(field);
  });
});
