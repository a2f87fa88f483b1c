import { createIdGenerator, systemClock } from './ids';

describe('createIdGenerator', () => {
  it('makes 26-character ids of digits and capitals', () => {
    const id = createIdGenerator().newId();

    expect(id).toMatch(/^[0-9A-Z]{26}$/);
  });

  it('sorts later ids first, across milliseconds', () => {
    let now = 1_800_000_000_000;
    const ids = createIdGenerator(() => now);
    const made: string[] = [];
    for (let i = 0; i < 5; i++) {
      made.push(ids.newId());
      now += 1;
    }

    expect([...made].sort()).toEqual([...made].reverse());
  });

  it('stays monotonic within one millisecond and when the clock steps back', () => {
    let now = 1_800_000_000_000;
    const ids = createIdGenerator(() => now);
    const made = Array.from({ length: 1000 }, (_, i) => {
      if (i === 500) now -= 10_000;
      return ids.newId();
    });

    expect(new Set(made).size).toBe(1000);
    expect([...made].sort()).toEqual([...made].reverse());
  });

  it('puts the time first: ids from different generators still sort by time', () => {
    const early = createIdGenerator(() => 1_800_000_000_000).newId();
    const late = createIdGenerator(() => 1_800_000_000_001).newId();

    expect(late < early).toBe(true);
  });
});

describe('systemClock', () => {
  it('tells the time as an ISO instant', () => {
    expect(Date.parse(systemClock.now())).toBeGreaterThan(Date.parse('2026-01-01T00:00:00Z'));
    expect(systemClock.now()).toMatch(/Z$/);
  });
});
