// The shape of a printed code (order number, SKU) as OCR may have seen it: one alphabet, one case, look-alike
// letters and digits folded together, separators dropped. Two codes with the same shape differ only by what
// OCR confuses, so "КМ-6O954" and "KM-60954" compare equal; anything else is a real difference.
const FOLD: Record<string, string> = {
  // Cyrillic letters that look like Latin ones
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X', У: 'Y',
  // letters that look like digits, and back
  O: '0', Q: '0', D: '0', I: '1', L: '1', '|': '1', З: '3', S: '5', $: '5', Б: '6', G: '6', B: '8', Z: '2',
};

export function codeShape(code: string): string {
  let out = '';
  for (const ch of code.toUpperCase().replaceAll('Ё', 'Е')) {
    if (/[\s\-–—./\\_#№]/.test(ch)) continue;
    const folded = FOLD[ch] ?? ch;
    out += FOLD[folded] ?? folded;
  }
  return out;
}

/** Levenshtein distance, or `max + 1` as soon as it is certain to exceed `max`. */
export function boundedEditDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    previous = current;
  }
  return Math.min(previous[b.length]!, max + 1);
}
