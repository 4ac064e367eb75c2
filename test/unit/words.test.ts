import { describe, expect, it } from 'vitest';
import { methodNames } from '../../shared/contract/index.js';
import { plural } from '../../shared/domain/words.js';
import { auditWording, auditWords, changeWords, fieldWords, valueWords } from '../../renderer/lib/auditWords.js';

describe('plural', () => {
  it('says one thing in the singular and every other count in the plural', () => {
    expect(plural(1, 'item')).toBe('1 item');
    expect(plural(0, 'item')).toBe('0 items');
    expect(plural(2, 'item')).toBe('2 items');
    expect(plural(1, 'child', 'children')).toBe('1 child');
    expect(plural(12, 'child', 'children')).toBe('12 children');
  });
});

describe('audit trail wording', () => {
  it('words every method in the contract, so none reaches the screen as its internal name', () => {
    const missing = methodNames.filter((m) => !(m in auditWords));
    expect(missing).toEqual([]);
    for (const m of methodNames) {
      const words = auditWords[m];
      expect(words, m).toMatch(/^[A-Z][^.]*[a-z]$/);
      expect(words, m).not.toContain(m);
    }
  });

  it('words no method that is not in the contract', () => {
    expect(Object.keys(auditWords).filter((m) => !(methodNames as string[]).includes(m))).toEqual([]);
  });

  it('says what was done in plain words', () => {
    expect(auditWording('rounds.create')).toBe('Added a screening round');
    expect(auditWording('export.child')).toBe("Exported a child's records");
    // A name recorded by an older version is still shown rather than hidden.
    expect(auditWording('old.method')).toBe('old.method');
  });

  it('shows field names as words and stored dates as 27/11/2026', () => {
    expect(fieldWords('dateOfBirth')).toBe('Date of birth');
    expect(fieldWords('room_id')).toBe('Room id');
    expect(valueWords('2026-11-27')).toBe('27/11/2026');
    expect(valueWords('2026-11-27T12:00:00.000Z')).toMatch(/^2[78]\/11\/2026 \d{2}:\d{2}$/);
    expect(valueWords('Amber')).toBe('Amber');
  });

  it('shows a record id as the name of its record, never as the id', () => {
    const ducks = '7d1c9a52-2f6b-4c61-9d0e-3a1f5b7c9e21';
    const gone = '0b5e2c71-8a4d-4f3e-b2c6-9d8e7f6a5b43';
    const names = { [ducks]: 'Ducklings' };
    expect(changeWords({ field: 'roomId', before: null, after: ducks }, names)).toEqual({ field: 'Room', before: null, after: 'Ducklings' });
    expect(changeWords({ field: 'keyPersonId', before: gone, after: null }, names)).toEqual({
      field: 'Key person',
      before: 'a record since removed',
      after: null,
    });
    // The record's own id tells a reader nothing: left out.
    expect(changeWords({ field: 'id', before: null, after: ducks }, names)).toBeNull();
    expect(changeWords({ field: 'dateOfBirth', before: '2023-03-14', after: null }, names)).toEqual({
      field: 'Date of birth',
      before: '14/03/2023',
      after: null,
    });
  });
});
