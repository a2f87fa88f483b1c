import { nextWorkingHour, onDateAt } from './when';

const at = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min);

describe('activity times', () => {
  it('plans for the next full working hour', () => {
    // Wednesday 10:20 → 11:00; 07:05 → 09:00; 16:30 → 17:00; 17:10 → Thursday 09:00.
    expect(nextWorkingHour(at(2026, 12, 2, 10, 20))).toEqual(at(2026, 12, 2, 11));
    expect(nextWorkingHour(at(2026, 12, 2, 7, 5))).toEqual(at(2026, 12, 2, 9));
    expect(nextWorkingHour(at(2026, 12, 2, 16, 30))).toEqual(at(2026, 12, 2, 17));
    expect(nextWorkingHour(at(2026, 12, 2, 17, 10))).toEqual(at(2026, 12, 3, 9));
    // Friday evening and Saturday → Monday 09:00.
    expect(nextWorkingHour(at(2026, 12, 4, 18))).toEqual(at(2026, 12, 7, 9));
    expect(nextWorkingHour(at(2026, 12, 5, 11))).toEqual(at(2026, 12, 7, 9));
  });

  it('moves to a chosen date at the time it was due', () => {
    const due = at(2026, 11, 30, 14, 30);
    expect(onDateAt('2027-01-04', due)).toEqual(at(2027, 1, 4, 14, 30));
    expect(onDateAt('soon', due)).toBeUndefined();
  });
});
