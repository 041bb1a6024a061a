// The reply language follows the customer's mail: Russian when a fair share of its letters are Cyrillic.
// Russian mail is full of Latin (e-mail addresses, SKUs, brand names), so the threshold is well below half.
import type { Language } from '../../domain/reply.ts';

const CYRILLIC_SHARE_FOR_RUSSIAN = 0.3;

export function detectLanguage(text: string, fallback: Language = 'ru'): Language {
  const cyrillic = text.match(/[\u0400-\u04ff]/g)?.length ?? 0;
  const latin = text.match(/[a-z]/gi)?.length ?? 0;
  if (cyrillic + latin === 0) return fallback;
  return cyrillic / (cyrillic + latin) >= CYRILLIC_SHARE_FOR_RUSSIAN ? 'ru' : 'en';
}
