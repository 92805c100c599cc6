import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCalendarDate } from './calendar-date';

describe('isCalendarDate', () => {
  it('accepts the days of years 0000 to 0099, which are real calendar dates', () => {
    expect(['0000-01-01', '0001-12-31', '0004-02-29', '0099-07-15', '0100-01-01'].map(isCalendarDate)).toEqual([true, true, true, true, true]);
  });

  it('knows leap years across the whole range, including the century rules', () => {
    expect(['0000-02-29', '0100-02-29', '1900-02-29', '2000-02-29', '2024-02-29', '2026-02-29'].map(isCalendarDate)).toEqual([
      true,
      false,
      false,
      true,
      true,
      false,
    ]);
  });

  it('refuses days and months that do not exist, and anything not written yyyy-mm-dd', () => {
    const refused = [
      '2026-02-30',
      '2026-13-01',
      '2026-00-10',
      '2026-04-31',
      '2026-01-00',
      '26-01-01',
      '2026-1-01',
      '2026-01-01T00:00',
      ' 2026-01-01',
      '+02026-01-01',
    ];
    expect(refused.filter(isCalendarDate)).toEqual([]);
  });

  it('agrees with the calendar for every day from year 0 to 9999', () => {
    const day = fc.date({ min: new Date('0000-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true });
    fc.assert(fc.property(day, (d) => isCalendarDate(d.toISOString().slice(0, 10))));
  });
});
