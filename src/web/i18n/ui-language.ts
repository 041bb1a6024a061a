// The review UI's language (issue #14): Russian or English, as each agent chooses (a cookie), Russian by default
// for a Russian shop (UI_LANGUAGE). Phrases are written in English in the views and translated through a
// dictionary file (ru.yaml), checked at start-up, so adding a translation needs no code change.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { FIELD_LABELS } from '../view-models/return-view.ts';

export const UI_LANGUAGES = ['ru', 'en'] as const;
export const UiLanguageSchema = z.enum(UI_LANGUAGES);
export type UiLanguage = z.infer<typeof UiLanguageSchema>;
export const LANGUAGE_COOKIE = 'ri_lang';
/** A code of the machine's (`order_mismatch`, `low_confidence`): lower-case words joined by underscores. */
const CODE = /^[a-z]+(?:_[a-z]+)+$/;

const DictionarySchema = z.record(z.string().min(1), z.string().min(1));
export type Dictionary = z.infer<typeof DictionarySchema>;

/** The UI's own phrases (ru.yaml) and what the machine writes for people (ru-messages.yaml), as one dictionary. */
export function loadDictionary(files = [path.join(import.meta.dirname, 'ru.yaml'), path.join(import.meta.dirname, 'ru-messages.yaml')]): Dictionary {
  return Object.assign({}, ...files.map((file) => DictionarySchema.parse(parse(readFileSync(file, 'utf8')))));
}

interface MessagePattern {
  regex: RegExp;
  names: string[];
  russian: string;
}

/**
 * Entries with placeholders as patterns that recognise a whole message the machine wrote ("Order A-17 was not
 * found." by "Order {1} was not found."). The most specific first: the longest fixed text wins over a looser one.
 */
function messagePatterns(russian: Dictionary): MessagePattern[] {
  const fixed = (key: string) => key.replace(/\{\w+\}/g, '');
  return Object.entries(russian)
    .filter(([key]) => /\{\w+\}/.test(key) && /[A-Za-z]{3}/.test(fixed(key)))
    .sort(([a], [b]) => fixed(b).length - fixed(a).length)
    .map(([key, text]) => {
      const names: string[] = [];
      const parts = key.split(/(\{\w+\})/);
      const source = parts
        .map((part, i) => {
          const name = /^\{(\w+)\}$/.exec(part)?.[1];
          if (!name) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          names.push(name);
          // A value right before another ("{3}{4}": a count or a state, then an optional remark) is one word, else
          // the first would give the second all of it, or the other way round.
          return parts[i + 1] === '' && /^\{\w+\}$/.test(parts[i + 2] ?? '') ? '(\\S+)' : '([\\s\\S]*?)';
        })
        .join('');
      return { regex: new RegExp(`^${source}$`), names, russian: text };
    });
}

/** `items[0].sku` → "item 1 SKU" words, a field's key → its label: the values a message names fields by. */
function fieldWords(value: string): string | undefined {
  const item = /^items\[(\d+)\](?:\.(\w+))?$/.exec(value);
  if (item) return `item ${Number(item[1]) + 1}${item[2] ? ` ${item[2]}` : ''}`;
  return FIELD_LABELS[value];
}

/**
 * `t(lang, phrase, values)`: the phrase in that language, `{name}` placeholders filled. A phrase with no Russian
 * entry shows in English (and is counted in `missing`, which the dictionary test reads), never as a blank.
 */
export function createTranslator(russian: Dictionary) {
  const missing = new Set<string>();
  const patterns = messagePatterns(russian);
  const fill = (text: string, values: Record<string, unknown>) =>
    text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name] ?? '') : whole));

  /** A message the machine wrote, recognised by a pattern; its values in Russian where they are words we know. */
  const byPattern = (message: string, depth: number): string | undefined => {
    for (const pattern of patterns) {
      const match = pattern.regex.exec(message);
      if (!match) continue;
      const values = Object.fromEntries(pattern.names.map((name, i) => [name, valueInRussian(match[i + 1] ?? '', depth + 1)]));
      return fill(pattern.russian, values);
    }
    return undefined;
  };
  // A value inside a message: a field's key as its label, a code as its word, a phrase of its own ("…, and no order
  // of this buyer was found."); anything else (a number, an SKU, the customer's own words) stays as written.
  const valueInRussian = (value: string, depth: number): string => {
    const label = fieldWords(value);
    if (label !== undefined) return translateLabel(label);
    const word = russian[value] ?? russian[value.replaceAll('_', ' ')];
    if (word !== undefined) return word;
    if (depth >= 3) return value;
    return listInRussian(value, depth) ?? byPattern(value, depth) ?? value;
  };
  // Phrases joined by "; " ("7 days since …; 9 days since …"), each one we know, are translated one by one: a
  // pattern's last placeholder would otherwise swallow the rest of the list and leave it English.
  // Field keys joined by ", " (the fields an edit corrected) are their labels.
  const listInRussian = (value: string, depth: number): string | undefined => {
    const keys = value.split(', ').map(fieldWords);
    if (keys.length > 1 && keys.every((label) => label !== undefined)) return keys.map((label) => translateLabel(label!)).join(', ');
    if (!value.includes('; ')) return undefined;
    const parts = value.split('; ').map((part) => russian[part] ?? byPattern(part, depth + 1));
    return parts.every((part) => part !== undefined) ? parts.join('; ') : undefined;
  };
  const translateLabel = (label: string): string => {
    const item = /^item (\d+)(?: (\w+))?$/.exec(label);
    if (!item) return russian[label] ?? label;
    return `${russian.item ?? 'item'} ${item[1]}${item[2] ? `, ${russian[item[2]] ?? item[2]}` : ''}`;
  };

  const translate = (lang: UiLanguage, phrase: string, values: Record<string, unknown> = {}): string => {
    let text = phrase;
    if (lang === 'ru') {
      const found = russian[phrase] ?? byPattern(phrase, 0);
      // A phrase with no word in it (a status code as a page's title) reads the same in both languages.
      if (found !== undefined) text = found;
      else if (/\p{L}/u.test(phrase)) missing.add(phrase);
    }
    return fill(text, values);
  };
  /**
   * A note on the timeline or a word of the machine's (an actor, a value's source) that may also be a person's own
   * text: in Russian when the dictionary knows it, else as written, and never counted as missing.
   */
  const translateNote = (lang: UiLanguage, text: string, depth = 0): string => {
    const whole = lang === 'ru' ? (russian[text] ?? codeWords(lang, text) ?? byPattern(text, 0)) : undefined;
    if (whole !== undefined) return whole;
    // Notes the machine composes of parts: "a; b", the reason codes of a decision ("order_mismatch, out_of_window")
    // and "field: source" (what a decision rests on, keyed by field codes). Each part in the page's language.
    if (depth < 2 && text.includes('; ')) return text.split('; ').map((part) => translateNote(lang, part, depth + 1)).join('; ');
    const codes = text.split(', ');
    if (codes.length > 1 && codes.every((code) => CODE.test(code))) return [...new Set(codes.map((code) => codeWords(lang, code) ?? code))].join(', ');
    const pair = /^([\w.[\]]+): (.+)$/.exec(text);
    if (depth < 3 && pair && fieldWords(pair[1]!) !== undefined) return `${translateField(lang, pair[1]!)}: ${translateNote(lang, pair[2]!, depth + 1)}`;
    return lang === 'ru' ? text : (codeWords(lang, text) ?? text);
  };
  /** A code (`low_confidence`) as its words, in Russian when the dictionary has them; undefined for anything else. */
  const codeWords = (lang: UiLanguage, text: string): string | undefined => {
    if (!CODE.test(text)) return undefined;
    const words = text.replaceAll('_', ' ');
    return lang === 'ru' ? russian[words] : words;
  };
  /** A field's key (`orderNumber`, `items[0].price`) as its label in that language; a key we have no label for as written. */
  const translateField = (lang: UiLanguage, key: string): string => {
    const label = fieldWords(key);
    if (label === undefined) return key;
    return lang === 'ru' ? translateLabel(label) : label;
  };
  return { translate, translateNote, translateField, missing };
}
