// Amounts as customers read them in replies: "4 000,00 ₽" in Russian, "4,000.00 RUB" in English.
// Intl puts a no-break space inside the Russian form so a reply never wraps in the middle of an amount.
import type { Kopecks } from './money.ts';

const RU = new Intl.NumberFormat('ru-RU', { style: 'currency', currency: 'RUB' });
const EN = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function formatMoney(kopecks: Kopecks, language: 'ru' | 'en'): string {
  // Division by 100 is exact enough for display: kopecks are integers well below 2^53.
  const roubles = kopecks / 100;
  return language === 'ru' ? RU.format(roubles) : `${EN.format(roubles)} RUB`;
}
