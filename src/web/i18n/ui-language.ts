// The review UI's language (issue #14): Russian or English, as each agent chooses (a cookie), Russian by default
// for a Russian shop (UI_LANGUAGE). Phrases are written in English in the views and translated through a
// dictionary file (ru.yaml), checked at start-up, so adding a translation needs no code change.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

export const UI_LANGUAGES = ['ru', 'en'] as const;
export const UiLanguageSchema = z.enum(UI_LANGUAGES);
export type UiLanguage = z.infer<typeof UiLanguageSchema>;
export const LANGUAGE_COOKIE = 'ri_lang';

const DictionarySchema = z.record(z.string().min(1), z.string().min(1));
export type Dictionary = z.infer<typeof DictionarySchema>;

export function loadDictionary(file = path.join(import.meta.dirname, 'ru.yaml')): Dictionary {
  return DictionarySchema.parse(parse(readFileSync(file, 'utf8')));
}

/**
 * `t(lang, phrase, values)`: the phrase in that language, `{name}` placeholders filled. A phrase with no Russian
 * entry shows in English (and is counted in `missing`, which the dictionary test reads), never as a blank.
 */
export function createTranslator(russian: Dictionary) {
  const missing = new Set<string>();
  const translate = (lang: UiLanguage, phrase: string, values: Record<string, unknown> = {}): string => {
    let text = phrase;
    if (lang === 'ru') {
      const found = russian[phrase];
      if (found === undefined) missing.add(phrase);
      else text = found;
    }
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name] ?? '') : whole));
  };
  return { translate, missing };
}
