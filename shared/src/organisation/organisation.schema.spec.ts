import { parseInput } from '../common/validation';
import { OrganisationCreateInputSchema, OrganisationPatchInputSchema } from './organisation.schema';

const failedFields = (result: ReturnType<typeof parseInput>) =>
  Object.keys((!result.ok && result.error.fields) || {});

describe('OrganisationCreateInputSchema', () => {
  it('given only a name, then the status defaults to prospect', () => {
    expect(OrganisationCreateInputSchema.parse({ name: ' Fjord Fisk AS ' })).toEqual({
      name: 'Fjord Fisk AS',
      status: 'prospect',
    });
  });

  it.each([
    ['no name', {}, 'name'],
    ['an unknown status', { name: 'X', status: 'lead' }, 'status'],
    ['an unknown size', { name: 'X', size: '10-20' }, 'size'],
    ['a bad email', { name: 'X', email: 'info@' }, 'email'],
    ['an unknown key', { name: 'X', vat: 'NL1' }, '(body)'],
  ])('given %s, then it is rejected', (_, input, field) => {
    expect(failedFields(parseInput(OrganisationCreateInputSchema, input))).toContain(field);
  });
});

describe('OrganisationPatchInputSchema', () => {
  it('given nulls and blanks, then they clear; a status may be set by hand', () => {
    expect(
      OrganisationPatchInputSchema.parse({ website: null, city: '', size: null, status: 'partner' }),
    ).toEqual({
      website: null,
      city: null,
      size: null,
      status: 'partner',
    });
  });

  it.each([
    ['a null name', { name: null }, 'name'],
    ['a null status', { status: null }, 'status'],
    ['an unknown key', { id: 'org-2' }, '(body)'],
  ])('given %s, then it is rejected', (_, input, field) => {
    expect(failedFields(parseInput(OrganisationPatchInputSchema, input))).toContain(field);
  });
});
