// A customer's e-mail address usually spells their own name ("kozlova.elena@", "ilyasmirnov23@"), and the
// application names them. Where OCR misread the address but read the name, the name's Latin spelling mends the
// address — only where the two differ by what OCR confuses (ocr-shape.ts: "koziova" for kozlova, "mellnikov" for
// melnikov, "smimnov" for smirnov), never by a letter OCR does not mistake, and keeping the customer's own
// transliteration ("habibullina" stays without its k).
import { editDistance } from '../../domain/edit-distance.ts';
import { ocrShape } from '../../domain/validation/ocr-shape.ts';

/** Each Cyrillic letter's usual Latin spellings, the first the commonest ("Мария" is maria as often as mariya). */
const LATIN: Record<string, string[]> = {
  а: ['a'], б: ['b'], в: ['v'], г: ['g'], д: ['d'], е: ['e'], ё: ['e', 'yo'], ж: ['zh', 'j'], з: ['z'], и: ['i'],
  й: ['y', 'i', 'j'], к: ['k'], л: ['l'], м: ['m'], н: ['n'], о: ['o'], п: ['p'], р: ['r'], с: ['s'], т: ['t'],
  у: ['u'], ф: ['f'], х: ['kh', 'h', 'x'], ц: ['ts', 'c'], ч: ['ch'], ш: ['sh'], щ: ['shch', 'sch'], ъ: [''], ы: ['y', 'i'],
  ь: [''], э: ['e'], ю: ['yu', 'iu', 'ju'], я: ['ya', 'ia', 'ja', 'a'],
};
/** A name word this short spells too little to tell a misread from another word. */
const MIN_LETTERS = 5;
/** Spellings tried per word; a name has few ambiguous letters. */
const MAX_SPELLINGS = 64;

function spellings(word: string): string[] {
  let out = [''];
  for (const ch of word.toLowerCase()) {
    const options = LATIN[ch];
    if (!options) return [];
    out = out.flatMap((prefix) => options.map((o) => prefix + o)).slice(0, MAX_SPELLINGS);
  }
  return out;
}

/** The e-mail with a name word OCR misread in its local part put back, and the letters changed; or undefined. */
export function mendEmailByName(email: string, fullName: string): { value: string; fixes: number } | undefined {
  const at = email.indexOf('@');
  if (at < 0) return undefined;
  let local = email.slice(0, at);
  let fixes = 0;
  for (const word of fullName.split(/[\s-]+/).filter((w) => w.length >= MIN_LETTERS)) {
    const candidates = spellings(word);
    if (candidates.some((c) => local.includes(c))) continue;
    let best: { start: number; end: number; spelling: string; edits: number } | undefined;
    for (const spelling of candidates) {
      const shape = ocrShape(spelling);
      for (let start = 0; start < local.length; start += 1) {
        for (let end = start + 1; end <= Math.min(local.length, start + spelling.length + 2); end += 1) {
          const piece = local.slice(start, end);
          if (ocrShape(piece) !== shape) continue;
          const edits = editDistance(piece, spelling);
          if (!best || edits < best.edits) best = { start, end, spelling, edits };
        }
      }
    }
    if (!best) continue;
    local = local.slice(0, best.start) + best.spelling + local.slice(best.end);
    fixes += best.edits;
  }
  return fixes > 0 ? { value: `${local}${email.slice(at)}`, fixes } : undefined;
}
