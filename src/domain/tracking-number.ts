// Postal tracking numbers a customer sends after shipping: Russian Post's 14-digit domestic numbers and the
// UPU S10 international format (e.g. RA123456785RU), whose check digit catches a mistyped digit.

const S10 = /\b([A-Z]{2})\s?(\d{8})(\d)\s?([A-Z]{2})\b/g;
const S10_WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7];
/** 14 digits, not part of a longer number (a phone, an account). */
const DOMESTIC = /(?<!\d)(\d{14})(?!\d)/g;

/** UPU S10 check digit: weights 8 6 4 2 3 5 9 7, 11 − sum mod 11, where 10 → 0 and 11 → 5. */
export function s10CheckDigit(serial: string): number {
  const sum = [...serial].reduce((acc, digit, i) => acc + Number(digit) * S10_WEIGHTS[i]!, 0);
  const check = 11 - (sum % 11);
  return check === 10 ? 0 : check === 11 ? 5 : check;
}

export function isValidS10(candidate: string): boolean {
  const match = /^([A-Z]{2})(\d{8})(\d)([A-Z]{2})$/.exec(candidate.replace(/\s/g, '').toUpperCase());
  return match !== null && s10CheckDigit(match[2]!) === Number(match[3]);
}

/**
 * Russian Post's 14-digit domestic number (ШПИ: 6-digit post code, 2-digit month, 5-digit serial, check digit):
 * the 1st, 3rd … 13th digits weigh 3, the others 1, and the check digit brings the sum to a multiple of 10.
 * Without it any 14 digits (an order number, a phone run together) would pass as a tracking number.
 */
export function russianPostCheckDigit(first13: string): number {
  const sum = [...first13].reduce((acc, digit, i) => acc + Number(digit) * (i % 2 === 0 ? 3 : 1), 0);
  return (10 - (sum % 10)) % 10;
}

export function isValidRussianPost(candidate: string): boolean {
  return /^\d{14}$/.test(candidate) && russianPostCheckDigit(candidate.slice(0, 13)) === Number(candidate[13]);
}

/** Tracking numbers found in free text, canonical (no spaces, upper case); each only when its check digit holds. */
export function findTrackingNumbers(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.toUpperCase().matchAll(S10)) {
    const candidate = `${m[1]}${m[2]}${m[3]}${m[4]}`;
    if (isValidS10(candidate)) found.add(candidate);
  }
  for (const m of text.matchAll(DOMESTIC)) if (isValidRussianPost(m[1]!)) found.add(m[1]!);
  return [...found];
}
