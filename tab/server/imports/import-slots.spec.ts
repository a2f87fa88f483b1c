import { createImportSlots } from './import-slots';

describe('import slots', () => {
  it('given a user with as many imports in flight as one may, then their next waits; others still start', () => {
    const slots = createImportSlots({ perUser: 2, perServer: 10 });
    const first = slots.acquire('t/anna');
    expect(slots.acquire('t/anna')).toMatchObject({ ok: true });
    expect(slots.acquire('t/anna')).toEqual({ ok: false, refused: 'user' });
    expect(slots.acquire('t/bo')).toMatchObject({ ok: true });
    if (first.ok) first.release();
    expect(slots.acquire('t/anna')).toMatchObject({ ok: true });
  });

  it('given the server full, then nobody starts until a slot is released, and a release counts once', () => {
    const slots = createImportSlots({ perUser: 2, perServer: 2 });
    const anna = slots.acquire('t/anna');
    slots.acquire('t/bo');
    expect(slots.acquire('t/carl')).toEqual({ ok: false, refused: 'server' });
    expect(slots.held()).toBe(2);
    if (anna.ok) {
      anna.release();
      anna.release();
    }
    expect(slots.held()).toBe(1);
    expect(slots.acquire('t/carl')).toMatchObject({ ok: true });
    expect(slots.acquire('t/dave')).toEqual({ ok: false, refused: 'server' });
  });
});
