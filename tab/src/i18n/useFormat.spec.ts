import { createI18n, LANGUAGES, type Language } from './i18n';
import { RESOURCES } from './resources';
import { formatFor } from './useFormat';

const formatIn = (language: Language) => formatFor(language, createI18n(language, RESOURCES).t);

/** A local time `days` from the clock below, at `hour` (the reader's time zone, as the tab reads it). */
const NOW = new Date(2026, 11, 6, 14, 15).getTime();
const at = (days: number, hour = 10) => new Date(2026, 11, 6 + days, hour, 0).toISOString();

describe('format.due: a due date short enough for a card', () => {
  it('says today, tomorrow, how many days overdue, else the day and month (the year when another)', () => {
    const { due } = formatIn('en');
    expect(due(at(0, 8), NOW)).toBe('Today');
    expect(due(at(0, 23), NOW)).toBe('Today');
    expect(due(at(1), NOW)).toBe('Tomorrow');
    expect(due(at(-1, 23), NOW)).toBe('1 day overdue');
    expect(due(at(-3), NOW)).toBe('3 days overdue');
    expect(due(at(6), NOW)).toBe('Dec 12');
    expect(due(at(40), NOW)).toBe('Jan 15, 2027');
    expect(due('not a date', NOW)).toBe('not a date');
    expect(formatIn('en').time(at(0, 16))).toMatch(/^4:00\sPM$/);
    expect(formatIn('nl').time(at(0, 16))).toBe('16:00');
  });

  it.each([
    ['nl', 'Vandaag', 'Morgen', '3 dagen te laat', '12 dec'],
    ['pt-BR', 'Hoje', 'Amanhã', '3 dias de atraso', '12 de dez.'],
    ['nb', 'I dag', 'I morgen', '3 dager forsinket', '12. des.'],
  ] as const)('speaks %s', (language, today, tomorrow, overdue, later) => {
    const { due } = formatIn(language);
    expect([due(at(0), NOW), due(at(1), NOW), due(at(-3), NOW), due(at(6), NOW)]).toEqual([
      today,
      tomorrow,
      overdue,
      later,
    ]);
  });

  it('is shorter than the full date and time in every language', () => {
    for (const language of LANGUAGES) {
      const format = formatIn(language);
      for (const days of [-3, 0, 1, 6, 40])
        expect(format.due(at(days), NOW).length).toBeLessThan(format.dateTime(at(days)).length);
    }
  });
});

describe('format.day: the day of an instant, short, past or future', () => {
  it('says yesterday, today, tomorrow, else the day and month (the year when another), never overdue', () => {
    const { day } = formatIn('en');
    expect([day(at(-1), NOW), day(at(0), NOW), day(at(1), NOW)]).toEqual(['Yesterday', 'Today', 'Tomorrow']);
    expect(day(at(-39), NOW)).toBe('Oct 28');
    expect(day(at(-340), NOW)).toBe('Dec 31, 2025');
    expect(day(at(6), NOW)).toBe('Dec 12');
    expect(formatIn('nl').day(at(-1), NOW)).toBe('Gisteren');
    expect(day('not a date', NOW)).toBe('not a date');
  });
});
