// The folded form of a customer's name and e-mail that the queue searches. SQLite's lower() and LIKE fold ASCII
// only, and PostgreSQL's lower()/ILIKE follow the database's locale (none under `C`), so "ковалёва" would not find
// "Ковалёва"; folding in JavaScript, where it is written and where it is searched, behaves the same everywhere.

/**
 * NFKC (full-width and compatibility forms, a decomposed ё), Russian lower case, ё → е (Russian print and most
 * people typing leave out the dots, and OCR often loses them: Ковалёва and Ковалева are one surname), and single
 * spaces. `й` stays apart from `и`: it is a different letter, not a spelling variant.
 */
export function foldSearchText(text: string): string {
  return text.normalize('NFKC').toLocaleLowerCase('ru').replaceAll('ё', 'е').replace(/\s+/g, ' ').trim();
}

/** What a return's searchText column holds: its folded name and e-mail, or null when it has neither. */
export function returnSearchText(fullName: string | null | undefined, email: string | null | undefined): string | null {
  const parts = [fullName, email].filter((part): part is string => typeof part === 'string' && part.trim() !== '');
  return parts.length > 0 ? foldSearchText(parts.join(' ')) : null;
}
