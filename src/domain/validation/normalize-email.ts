// E-mail addresses, lower-cased, with the usual OCR damage undone: spaces around "@", "," for ".",
// Cyrillic look-alike letters in a Latin address.
import type { Normalized } from './normalized.ts';
import { replaceLookalikes } from './replace-lookalikes.ts';
import { editDistance } from '../edit-distance.ts';
import { COMMON_MAIL_DOMAINS } from './common-mail-domains.ts';
import { ocrShape } from './ocr-shape.ts';

const CYR_TO_LAT: Record<string, string> = {
  а: 'a', в: 'b', е: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x', і: 'i',
};
const STRICT = /^[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}$/;
const CYRILLIC_DOMAIN = /^[a-z0-9._%+-]+@[а-яё0-9-]+(?:\.[а-яё0-9-]+)*\.(?:рф|рус)$/;
/**
 * What OCR makes of "@" when it does not read it as "@": a letter or two of its shape, or a sign like it. Two
 * letters only after a digit ("vasilev94eagmail"): after a letter the second may be the name's own
 * ("bogdanovaelist.ru" is bogdanova@).
 */
const AT_MISREAD = /(?:(?<=\d)(?:ea|ae)|a|e|©|®|&)$/;

export function normalizeEmail(raw: string, options: { ocr?: boolean } = {}): Normalized | undefined {
  const original = raw.trim().replace(/^mailto:/i, '').replace(/[.,;:)>\]]+$/, '').replace(/^[<(\[]+/, '');
  let fixes = 0;
  let text = original.toLowerCase();
  const atFixed = text.replace(/\s*(?:@|\(at\)|\[at\])\s*/g, '@');
  if (atFixed !== text) fixes += /\s@|@\s|\(at\)|\[at\]/.test(text) ? 1 : 0;
  text = atFixed;
  if (/\s/.test(text)) {
    fixes += 1;
    text = text.replace(/\s+/g, '');
  }
  // "mail,ru" → "mail.ru": a comma is never valid in an address.
  if (text.includes(',')) {
    fixes += (text.match(/,/g) ?? []).length;
    text = text.replace(/,/g, '.');
  }
  if (!CYRILLIC_DOMAIN.test(text) && /[а-яё]/.test(text)) {
    const swapped = replaceLookalikes(text, CYR_TO_LAT);
    text = swapped.text;
    fixes += swapped.fixes;
  }
  // OCR reads the "@" glyph's opening curl as an "e" of its own after a number ("osipova83e@"): a local part
  // rarely ends in digits and one e.
  if (options.ocr && /\de@/.test(text)) {
    text = text.replace(/(\d)e@/, '$1@');
    fixes += 1;
  }
  if (options.ocr && !text.includes('@')) {
    const restored = restoreAt(text);
    if (restored) {
      text = restored;
      fixes += 2;
    }
  }
  // After the "@" is back: the local part's digits are told from its letters by where the "@" stands.
  if (options.ocr) {
    for (const repair of [repairLocalDigits, repairDomain]) {
      const repaired = repair(text);
      fixes += repaired.fixes;
      text = repaired.text;
    }
  }
  if (!STRICT.test(text) && !CYRILLIC_DOMAIN.test(text)) return undefined;
  return { value: text, fixes, strict: fixes === 0 };
}

/** "svetlana93agmail.com" → "svetlana93@gmail.com": only before a common mail domain, where the "@" must be. */
function restoreAt(text: string): string | undefined {
  const domain = COMMON_MAIL_DOMAINS.find((d) => text.endsWith(d) && text.length > d.length + 1);
  if (!domain) return undefined;
  const local = text.slice(0, -domain.length).replace(AT_MISREAD, '');
  return local ? `${local}@${domain}` : undefined;
}

/** A year written after a name: OCR reads its 1 as an l ("melnikoval978" for "melnikova1978"). */
const YEAR_MISREAD = /(?<=\p{L})l(9[4-9]\d|0[0-2]\d)(?=[@._-])/u;
/** An o inside a run of digits, or closing one before the "@", is a 0 ("galina9o@" for "galina90@"). */
const ZERO_MISREAD = /(?<=\d)o(?=\d|@)/g;

/** Digits in the local part that OCR read as the letters they look like; the domain is left alone. */
function repairLocalDigits(text: string): { text: string; fixes: number } {
  const at = text.indexOf('@');
  if (at < 0) return { text, fixes: 0 };
  const local = text.slice(0, at + 1);
  const zeros = (local.match(ZERO_MISREAD) ?? []).length;
  const repaired = local.replace(ZERO_MISREAD, '0');
  const year = YEAR_MISREAD.test(repaired) ? 1 : 0;
  return { text: repaired.replace(YEAR_MISREAD, '1$1') + text.slice(at + 1), fixes: zeros + year };
}

/**
 * A common domain OCR misread ("0utlook.com", "rambller.ru", "gmai1.com"): put back where the domain has the shape of
 * exactly one common domain (ocr-shape.ts) and is none itself.
 */
function repairDomain(text: string): { text: string; fixes: number } {
  const at = text.indexOf('@');
  const domain = text.slice(at + 1);
  if (at < 0 || COMMON_MAIL_DOMAINS.includes(domain)) return { text, fixes: 0 };
  const alike = COMMON_MAIL_DOMAINS.filter((d) => ocrShape(d) === ocrShape(domain));
  if (alike.length !== 1) return { text, fixes: 0 };
  return { text: `${text.slice(0, at + 1)}${alike[0]}`, fixes: Math.max(1, editDistance(domain, alike[0]!)) };
}
