import { describe, expect, it } from 'vitest';
import { maskSensitive } from '../../../../src/pipeline/parse/mask-sensitive.ts';

describe('maskSensitive', () => {
  it.each([
    ['Номер карты: 4111 1111 1111 1111', 'Номер карты: ⟦card:1111:ok⟧'],
    ['card 4111-1111-1111-1112', 'card ⟦card:1112:bad⟧'],
    ['4111111111111111', '⟦card:1111:ok⟧'],
    ['паспорт серия 45 10 номер 918273', 'паспорт серия •• •• номер ••••••'],
    ['Паспорт: 4510 918273, выдан', 'Паспорт: •••• ••••••, выдан'],
  ])('%s → %s', (raw, masked) => expect(maskSensitive(raw)).toBe(masked));

  it.each([
    'Расчётный счёт: 40817810538091310419',
    'БИК 044525225 р/с 40817810538091310419',
    'Телефон: +7 916 123 45 67',
    'Номер заказа: 2026110045712', // a long order number stays unless it has a card's 4-4-4-4 shape
  ])('leaves %s alone', (raw) => expect(maskSensitive(raw)).toBe(raw));
});
