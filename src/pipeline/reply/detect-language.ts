// The reply language follows the customer's mail: Russian when a fair share of its letters are Cyrillic.
// Russian mail is full of Latin (e-mail addresses, SKUs, brand names), so the threshold is well below half.
import type { Language } from '../../domain/reply.ts';

const CYRILLIC_SHARE_FOR_RUSSIAN = 0.3;

/** E-mail addresses, links and codes with digits (SKUs, order numbers) are Latin in any language. */
const NOT_LANGUAGE = /\S+@\S+|https?:\/\/\S+|\S*\d\S*/g;

export function detectLanguage(input: string, fallback: Language = 'ru'): Language {
  const text = input.replace(NOT_LANGUAGE, ' ');
  const cyrillic = text.match(/[\u0400-\u04ff]/g)?.length ?? 0;
  const latin = text.match(/[a-z]/gi)?.length ?? 0;
  if (cyrillic + latin === 0) return fallback;
  return cyrillic / (cyrillic + latin) >= CYRILLIC_SHARE_FOR_RUSSIAN ? 'ru' : 'en';
}
