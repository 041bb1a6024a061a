// How a reply addresses the customer. A Russian full name is written surname first ("Ковалёва Анна
// Сергеевна"); a letter addresses the person by first name and patronymic ("Анна Сергеевна"), never by
// surname alone. Anything else is used as written.
const PATRONYMIC = /(?:вич|вна|ична|чна|ич|оглы|кызы)$/i;

export function politeName(fullName: string | null | undefined): string | null {
  const words = fullName?.trim().split(/\s+/).filter(Boolean) ?? [];
  if (words.length === 0) return null;
  if (words.length === 3 && PATRONYMIC.test(words[2]!) && /^[А-ЯЁ]/.test(words[1]!)) return `${words[1]} ${words[2]}`;
  return words.join(' ');
}
