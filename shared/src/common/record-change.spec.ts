import { z } from 'zod';
import { absentIfBlank, applyPatch, clearIfBlank, definedOnly, touched } from './record-change';

describe('applyPatch', () => {
  type Person = { name: string; email?: string; phone?: string };
  const given: Person = { name: 'Ana', email: 'ana@example.pt' };

  it.each<[string, Parameters<typeof applyPatch<Person>>[1], Person, boolean]>([
    ['an empty patch', {}, given, false],
    ['an undefined value', { email: undefined }, given, false],
    ['the same value', { name: 'Ana' }, given, false],
    ['a new value', { name: 'Ana Lima' }, { name: 'Ana Lima', email: 'ana@example.pt' }, true],
    ['a new optional field', { phone: '+351 1' }, { ...given, phone: '+351 1' }, true],
    ['null on a set field', { email: null }, { name: 'Ana' }, true],
    ['null on an absent field', { phone: null }, given, false],
  ])('given a record, when patched with %s, then it is as expected', (_, patch, record, changed) => {
    const result = applyPatch(given, patch);
    expect(result).toEqual({ record, changed });
    expect('email' in result.record).toBe('email' in record);
  });

  it('never mutates the record it was given', () => {
    const before = { ...given };
    applyPatch(given, { email: null, name: 'X' });
    expect(given).toEqual(before);
  });
});

describe('definedOnly', () => {
  it('given undefined values, then their keys are dropped and others kept', () => {
    expect(Object.keys(definedOnly({ a: 1, b: undefined, c: null, d: '' }))).toEqual(['a', 'c', 'd']);
  });
});

describe('touched', () => {
  it('given a change context, then updatedAt/By move and createdAt/By stay', () => {
    const audit = { createdAt: 't0', createdBy: 'u0', updatedAt: 't0', updatedBy: 'u0' };
    expect(touched(audit, { actor: 'u1', now: 't1' })).toEqual({
      ...audit,
      updatedAt: 't1',
      updatedBy: 'u1',
    });
  });
});

describe('blank text in inputs', () => {
  const create = z.object({ email: absentIfBlank(z.email()) }).strict();
  const patch = z.object({ email: clearIfBlank(z.email()) }).strict();

  it.each([
    [{}, {}],
    [{ email: '' }, {}],
    [{ email: '   ' }, {}],
    [{ email: ' ana@example.pt ' }, { email: 'ana@example.pt' }],
  ])('given create input %j, then it parses to %j', (input, output) => {
    const parsed = create.parse(input);
    expect(definedOnly(parsed)).toEqual(output);
  });

  it.each([
    [{}, undefined],
    [{ email: null }, null],
    [{ email: ' ' }, null],
    [{ email: 'ana@example.pt' }, 'ana@example.pt'],
  ])('given patch input %j, then email is %j', (input, email) => {
    expect(patch.parse(input).email).toBe(email);
  });

  it('given an invalid value, then the inner schema message is reported', () => {
    const result = create.safeParse({ email: 'nope' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('Invalid email address');
    expect(patch.safeParse({ email: 'nope' }).success).toBe(false);
  });
});
