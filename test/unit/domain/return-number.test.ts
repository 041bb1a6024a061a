import { describe, expect, it } from 'vitest';
import { findReturnNumbers, generateReturnNumber, parseReturnNumber, returnNumberPrefix } from '../../../src/domain/return-number.ts';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXY';

function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % 31;
  };
}

describe('return numbers', () => {
  it('have the R-XXXX-XXXX shape and round-trip through parse', () => {
    const random = seeded(7);
    for (let i = 0; i < 200; i++) {
      const number = generateReturnNumber(random);
      expect(number).toMatch(/^R-[0-9A-HJKMNP-TV-Y]{4}-[0-9A-HJKMNP-TV-Y]{4}$/);
      expect(parseReturnNumber(number)).toBe(number);
    }
  });

  it('detects every single mistyped symbol', () => {
    const number = generateReturnNumber(seeded(42));
    const symbols = number.replace(/-/g, '').slice(1);
    for (let position = 0; position < symbols.length; position++) {
      for (const wrong of ALPHABET) {
        if (wrong === symbols[position]) continue;
        const typo = symbols.slice(0, position) + wrong + symbols.slice(position + 1);
        expect(parseReturnNumber(`R${typo}`), `${typo}`).toBeNull();
      }
    }
  });

  it('detects swapped neighbours', () => {
    const random = seeded(3);
    let checked = 0;
    for (let i = 0; i < 100; i++) {
      const symbols = generateReturnNumber(random).replace(/-/g, '').slice(1);
      for (let p = 0; p < symbols.length - 1; p++) {
        if (symbols[p] === symbols[p + 1]) continue;
        const swapped = symbols.slice(0, p) + symbols[p + 1] + symbols[p] + symbols.slice(p + 2);
        expect(parseReturnNumber(swapped)).toBeNull();
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(500);
  });

  it('reads what people and OCR write: lower case, O for 0, I/L for 1, no hyphens', () => {
    // A valid number containing 0 and 1, so the look-alike rules matter.
    const valid = findValid('R01ABCDE');
    const loose = valid.toLowerCase().replace(/0/g, 'o').replace(/1/g, 'l').replace(/-/g, ' ');
    expect(parseReturnNumber(loose)).toBe(valid);
  });

  it('finds numbers in a subject and ignores ones whose check fails', () => {
    const good = generateReturnNumber(seeded(9));
    const bad = good.slice(0, -1) + (good.endsWith('0') ? '1' : '0');
    expect(findReturnNumbers(`Re: Возврат ${good} трек`)).toEqual([good]);
    expect(findReturnNumbers(`номер ${bad}`)).toEqual([]);
  });
});

function findValid(prefix: string): string {
  for (const c of ALPHABET) {
    const parsed = parseReturnNumber(prefix + c);
    if (parsed) return parsed;
  }
  throw new Error('no check symbol found');
}

describe('returnNumberPrefix (the queue search)', () => {
  const number = generateReturnNumber(seeded(21));
  const compact = number.replace(/-/g, '');

  it('reads a whole number however it is typed', () => {
    for (const typed of [number, number.toLowerCase(), compact, compact.toLowerCase(), compact.slice(1), number.replace(/-/g, ' ')]) {
      expect(returnNumberPrefix(typed), typed).toBe(number);
    }
  });

  it('reads the start of one in the stored form, and leaves names and plain words alone', () => {
    expect(returnNumberPrefix('r4k7')).toBe('R-4K7');
    expect(returnNumberPrefix('R-4K7M9')).toBe('R-4K7M-9');
    expect(returnNumberPrefix('Rita')).toBeNull();
    expect(returnNumberPrefix('Romanova')).toBeNull();
    expect(returnNumberPrefix('A-1001')).toBeNull();
  });
});
