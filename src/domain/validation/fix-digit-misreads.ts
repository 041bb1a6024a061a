// OCR reads digits in hand-written or low-contrast fields as look-alike letters. In a field that can hold
// only digits every such letter is a misread, so it is safe to map — but each fix is counted, because a
// fix is also a sign that the line was read badly.
const DIGIT_LOOKALIKES: Record<string, string> = {
  O: '0', o: '0', О: '0', о: '0',
  l: '1', I: '1', '|': '1',
  З: '3', з: '3',
  S: '5', s: '5', $: '5',
  Б: '6', б: '6', b: '6',
  B: '8', В: '8',
};

export interface DigitFix {
  digits: string;
  fixes: number;
  /** Characters that are neither digits, separators nor known look-alikes: the value is not digits at all. */
  foreign: number;
}

/** Digits of a digit-only field. Spaces, dashes and dots between digit groups are dropped without a fix. */
export function fixDigitMisreads(raw: string): DigitFix {
  let digits = '';
  let fixes = 0;
  let foreign = 0;
  for (const ch of raw) {
    if (ch >= '0' && ch <= '9') digits += ch;
    else if (/[\s\-–—.·_/]/.test(ch)) continue;
    else if (DIGIT_LOOKALIKES[ch] !== undefined) {
      digits += DIGIT_LOOKALIKES[ch];
      fixes += 1;
    } else foreign += 1;
  }
  return { digits, fixes, foreign };
}
