// Return numbers: short enough to write on a parcel, unambiguous when read aloud or OCR'd, and self-checking.
// Format `R-XXXX-XXXC`: 7 random symbols from Crockford's base-32 alphabet without Z (so 31 symbols, no I, L,
// O, U, Z) and one check symbol. Position weights 1..8 and a prime modulus (31) make every single mistyped
// symbol and every swap of two neighbours change the weighted sum, so both are always detected.

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXY';
const MODULUS = ALPHABET.length;
const DATA_LENGTH = 7;

/** Crockford's decoding rules: case-insensitive, O→0, I/L→1; hyphens and spaces ignored. */
function normalise(input: string): string {
  return input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

/** The symbol c that makes Σ (i+1)·value(i) ≡ 0 (mod 31) over the 8 symbols, c having weight 8. */
function checkSymbol(data: string): string {
  let sum = 0;
  for (let i = 0; i < data.length; i++) sum += (i + 1) * ALPHABET.indexOf(data[i]!);
  const weight = data.length + 1;
  for (let value = 0; value < MODULUS; value++) {
    if ((sum + weight * value) % MODULUS === 0) return ALPHABET[value]!;
  }
  throw new Error('unreachable: 31 is prime, so exactly one check value exists');
}

function format(symbols: string): string {
  return `R-${symbols.slice(0, 4)}-${symbols.slice(4)}`;
}

/** `random` returns an integer in [0, 31); injected so tests are deterministic. */
export function generateReturnNumber(random: () => number): string {
  let data = '';
  for (let i = 0; i < DATA_LENGTH; i++) data += ALPHABET[random()]!;
  return format(data + checkSymbol(data));
}

/** Returns the canonical form of a return number, or null when it is malformed or its check symbol fails. */
export function parseReturnNumber(input: string): string | null {
  const symbols = normalise(input.trim().replace(/^R-?/i, ''));
  if (symbols.length !== DATA_LENGTH + 1 || [...symbols].some((c) => !ALPHABET.includes(c))) return null;
  const data = symbols.slice(0, DATA_LENGTH);
  return checkSymbol(data) === symbols[DATA_LENGTH] ? format(symbols) : null;
}

/** Finds return numbers in free text (subjects, bodies); only ones whose check symbol holds. */
export function findReturnNumbers(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(/\bR-?\s?([0-9A-Z]{4})-?\s?([0-9A-Z]{4})\b/gi)) {
    const parsed = parseReturnNumber(`${match[1]}${match[2]}`);
    if (parsed) found.add(parsed);
  }
  return [...found];
}

/**
 * What an agent typed, read as (the start of) a return number, in the stored form: "r4k7m9qx3", "R 4K7M 9QX3" and
 * "4k7m-9qx3" all give "R-4K7M-9QX3", "r-4k7" gives "R-4K7". A complete number must pass its check symbol; a partial
 * one must hold a digit, so a name such as "Rita" is not taken for one. null: not a return number.
 */
export function returnNumberPrefix(input: string): string | null {
  const complete = parseReturnNumber(input);
  if (complete) return complete;
  const compact = input.trim().toUpperCase().replace(/[\s-]/g, '');
  const match = /^R([0-9A-Z]{1,7})$/.exec(compact);
  if (!match || !/\d/.test(match[1]!)) return null;
  const symbols = normalise(match[1]!);
  if ([...symbols].some((c) => !ALPHABET.includes(c))) return null;
  return symbols.length > 4 ? `R-${symbols.slice(0, 4)}-${symbols.slice(4)}` : `R-${symbols}`;
}
