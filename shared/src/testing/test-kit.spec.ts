import { aLead, aWorkspace } from './builders';
import { fixedClock } from './clock';
import { sequentialIds } from './ids';

describe('test kit', () => {
  it('keeps a fixed clock still until told to move', () => {
    const clock = fixedClock('2026-11-22T10:00:00Z');

    expect(clock.now()).toBe('2026-11-22T10:00:00.000Z');
    clock.advance(60_000);
    expect(clock.now()).toBe('2026-11-22T10:01:00.000Z');
    clock.set('2027-01-01T00:00:00.000Z');
    expect(clock.now()).toBe('2027-01-01T00:00:00.000Z');
  });

  it('issues sequential ids that sort in creation order', () => {
    const ids = sequentialIds('lead');

    expect([ids.newId(), ids.newId()]).toEqual(['lead-000001', 'lead-000002']);
    expect(ids.issued()).toBe(2);
  });

  it('builds records with unique ids and the overrides given', () => {
    const a = aLead();
    const b = aLead({ lastName: 'Jansen', status: 'working-contacted' });

    expect(a.id).not.toBe(b.id);
    expect(b).toMatchObject({ lastName: 'Jansen', status: 'working-contacted', source: 'web' });
    expect(aWorkspace({ name: 'Salg' }).settings.stages.length).toBeGreaterThan(0);
  });
});
