// The word list a Tesseract model was trained with (ocr-data/<lang>.words.gz, written by
// scripts/extract-word-lists.sh), asked whether a word is one of its words. The ~300,000 words stay one sorted
// string with line offsets, searched by halves: a Set of them cost ~80 MB of heap, this ~10 MB.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

export interface WordList {
  /** True when the list holds the word as written, or in lower case, or capitalised ("ЗАКАЗ", "Заказ" → "заказ"). */
  knows(word: string): boolean;
}

export async function loadWordList(file: string): Promise<WordList> {
  return wordListFrom(gunzipSync(await readFile(file)).toString('utf8'));
}

/**
 * The word lists of the models in a language-data folder, each loaded on first use, once. A missing or damaged
 * list is undefined: it only means no second reading by script (documents/reread-other-script.ts).
 */
export function modelWordLists(langPath: string): (language: string) => Promise<WordList | undefined> {
  const lists = new Map<string, Promise<WordList | undefined>>();
  return (language) => {
    let list = lists.get(language);
    if (!list) {
      list = loadWordList(join(langPath, `${language}.words.gz`)).catch(() => undefined);
      lists.set(language, list);
    }
    return list;
  };
}

/** `sorted`: one word a line, sorted by code point (what `LC_ALL=C sort` does to UTF-8). */
export function wordListFrom(sorted: string): WordList {
  const starts: number[] = [];
  for (let at = 0; at < sorted.length; at = sorted.indexOf('\n', at) + 1 || sorted.length) starts.push(at);
  const offsets = Uint32Array.from(starts);
  const wordAt = (k: number) => {
    const end = sorted.indexOf('\n', offsets[k]!);
    return sorted.slice(offsets[k]!, end < 0 ? sorted.length : end);
  };
  const has = (word: string) => {
    let low = 0;
    let high = offsets.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const here = wordAt(middle);
      if (here === word) return true;
      if (here < word) low = middle + 1;
      else high = middle - 1;
    }
    return false;
  };
  return {
    knows(word) {
      const lower = word.toLowerCase();
      return has(word) || has(lower) || has(lower.charAt(0).toUpperCase() + lower.slice(1));
    },
  };
}
