// Phones in any common Russian notation ("8 (916) 123-45-67", "+7 916 1234567", "9161234567") to E.164.
// Number rules (lengths, national prefix 8, valid ranges) come from libphonenumber's metadata.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { fixDigitMisreads } from './fix-digit-misreads.ts';
import type { Normalized } from './normalized.ts';

// How people actually print a Russian number; anything else parsed may be right but is less certain.
const STRICT_RU = /^(?:\+7|8|7)?[\s-]?\(?\d{3}\)?[\s-]?\d{3}[\s-]?\d{2}[\s-]?\d{2}$/;

export function normalizePhone(raw: string): Normalized | undefined {
  // Extensions and trailing words are not part of the number.
  const text = raw.split(/доб|ext|\bx\d|,|;/i)[0]!.trim();
  const plus = /^\s*\+/.test(text);
  const { digits, fixes, foreign } = fixDigitMisreads(text.replace(/[()+]/g, ' '));
  if (foreign > 0 || digits.length < 10 || digits.length > 15) return undefined;
  const parsed = parsePhoneNumberFromString(plus ? `+${digits}` : digits, 'RU');
  if (!parsed) return undefined;
  // A foreign number written with its "+" may be outside the ranges libphonenumber knows (UK 07700 900xxx
  // is reserved for drama, yet people write such numbers): possible is enough, but not strict.
  if (!parsed.isValid()) {
    if (!(plus && parsed.country !== 'RU' && !digits.startsWith('7') && parsed.isPossible())) return undefined;
    return { value: parsed.number, fixes, strict: false };
  }
  return { value: parsed.number, fixes, strict: fixes === 0 && (STRICT_RU.test(text) || plus) };
}
