import { formValuesOf, inputOf, patchOf, type FormField } from './form-field';

const FIELDS: FormField[] = [
  { kind: 'text', name: 'name', labelKey: 'x', required: true },
  { kind: 'number', name: 'amount', labelKey: 'x' },
  { kind: 'boolean', name: 'done', labelKey: 'x' },
  { kind: 'enum', name: 'type', labelKey: 'x', prefix: 'p', options: ['call', 'task'] },
  { kind: 'enum', name: 'size', labelKey: 'x', prefix: 'p', options: ['1-10'], optional: true },
];

describe('form values', () => {
  it('start from the record, blank where it has nothing, the first option for a required choice', () => {
    expect(formValuesOf(FIELDS)).toEqual({ name: '', amount: '', done: false, type: 'call', size: '' });
    expect(formValuesOf(FIELDS, { name: 'A', amount: 12.5, done: true, type: 'task' })).toMatchObject({
      name: 'A',
      amount: '12.5',
      done: true,
      type: 'task',
    });
  });

  it('become input with numbers parsed (decimal comma too) and blanks and unticked boxes left out', () => {
    expect(
      inputOf(FIELDS, { name: ' Acme ', amount: '1234,5', done: false, type: 'call', size: '' }),
    ).toEqual({
      name: 'Acme',
      amount: 1234.5,
      type: 'call',
    });
  });

  it('become a patch of what changed only: a cleared field is null, an unticked box false', () => {
    const before = { name: 'Acme', amount: '10', done: true, type: 'call', size: '1-10' };
    expect(patchOf(FIELDS, before, { ...before, amount: '', done: false })).toEqual({
      amount: null,
      done: false,
    });
    expect(patchOf(FIELDS, before, before)).toEqual({});
  });
});
