// What the status page tells a customer about their return (issue #14): where it stands, the next step and its
// deadline, in Russian or English. Only what is true of the stored return: days come from its deadlines as the
// shop's days, an amount only once the desk recorded it as paid.
import { isoDay } from '../../domain/iso-day.ts';
import { formatMoney } from '../../domain/money/format-money.ts';
import type { ReturnRef } from '../../domain/ports/return-updates.ts';
import type { Language } from '../../domain/reply.ts';
import type { ReturnState } from '../../domain/return-state.ts';

export interface CustomerStatus {
  returnNumber: string;
  headline: string;
  next: string;
  /** The tone of the headline: on its way, waiting for the customer, done, or ended without a refund. */
  tone: 'progress' | 'action' | 'done' | 'ended';
}

const LONG_DATE = {
  ru: new Intl.DateTimeFormat('ru-RU', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};

/** A shop day as people write it inside a sentence: "12 декабря 2026 г.", "12 December 2026". */
export function longDay(day: string, language: Language): string {
  return LONG_DATE[language].format(new Date(`${day}T00:00:00Z`));
}

type Texts = { headline: string; next: (when: string | null, extra: string | null) => string; tone: CustomerStatus['tone'] };

const TEXTS: Record<Language, Record<ReturnState, Texts>> = {
  ru: {
    received: { headline: 'Заявление получено', next: (d) => (d ? `Мы ответим не позднее ${d}.` : 'Мы скоро ответим.'), tone: 'progress' },
    parsed: { headline: 'Заявление получено', next: (d) => (d ? `Мы ответим не позднее ${d}.` : 'Мы скоро ответим.'), tone: 'progress' },
    needs_review: { headline: 'Заявление на рассмотрении', next: (d) => (d ? `Мы ответим не позднее ${d}.` : 'Мы скоро ответим.'), tone: 'progress' },
    awaiting_application: { headline: 'Ждём от вас заявление', next: () => 'Ответьте на наше письмо и приложите заполненное заявление или более чёткое фото.', tone: 'action' },
    // Approved, the shipping instructions not sent yet (the shop's return address is not set): nothing to ship yet.
    approved: { headline: 'Возврат одобрен', next: () => 'Инструкцию по отправке — адрес и срок — пришлём отдельным письмом. Пока ничего не отправляйте.', tone: 'progress' },
    awaiting_shipment: { headline: 'Возврат одобрен, ждём посылку', next: (d) => (d ? `Отправьте посылку не позднее ${d}, как написано в нашем письме.` : 'Отправьте посылку, как написано в нашем письме.'), tone: 'action' },
    shipped: { headline: 'Посылка в пути', next: (_d, t) => `Мы напишем, когда склад её получит.${t ? ` Трек-номер: ${t}.` : ''}`, tone: 'progress' },
    received_at_warehouse: { headline: 'Посылка на складе, товар проверяется', next: (d) => (d ? `Деньги вернём не позднее ${d}.` : 'Деньги вернём после проверки товара.'), tone: 'progress' },
    refunded: { headline: 'Деньги возвращены', next: (d, amount) => (d && amount ? `Мы отправили ${amount} ${d}. Срок зачисления зависит от вашего банка.` : 'Срок зачисления зависит от вашего банка.'), tone: 'done' },
    rejected: { headline: 'Возврат отклонён', next: () => 'Причина — в нашем письме. Если вы не согласны, ответьте на него.', tone: 'ended' },
    returned_to_customer: { headline: 'Товар отправлен вам обратно', next: () => 'Причина — в нашем письме. Если вы не согласны, ответьте на него.', tone: 'ended' },
    expired: { headline: 'Срок отправки истёк', next: () => 'Если вы всё же отправили посылку, ответьте на наше письмо и пришлите трек-номер.', tone: 'ended' },
    cancelled: { headline: 'Возврат отменён', next: () => 'Если это ошибка, ответьте на наше письмо.', tone: 'ended' },
    exchanged: { headline: 'Замена отправлена', next: (_d, t) => `Ждите посылку с заменой.${t ? ` Трек-номер: ${t}.` : ''}`, tone: 'done' },
  },
  en: {
    received: { headline: 'Application received', next: (d) => (d ? `We will reply by ${d}.` : 'We will reply soon.'), tone: 'progress' },
    parsed: { headline: 'Application received', next: (d) => (d ? `We will reply by ${d}.` : 'We will reply soon.'), tone: 'progress' },
    needs_review: { headline: 'Application under review', next: (d) => (d ? `We will reply by ${d}.` : 'We will reply soon.'), tone: 'progress' },
    awaiting_application: { headline: 'Waiting for your application', next: () => 'Reply to our e-mail with the filled-in application or a clearer photo.', tone: 'action' },
    approved: { headline: 'Return approved', next: () => 'We will send the shipping instructions, the address and the date to ship by, in a separate e-mail. Please do not send anything yet.', tone: 'progress' },
    awaiting_shipment: { headline: 'Return approved, waiting for your parcel', next: (d) => (d ? `Please ship the parcel by ${d}, as our e-mail says.` : 'Please ship the parcel as our e-mail says.'), tone: 'action' },
    shipped: { headline: 'Parcel on its way', next: (_d, t) => `We will write when the warehouse receives it.${t ? ` Tracking number: ${t}.` : ''}`, tone: 'progress' },
    received_at_warehouse: { headline: 'Parcel at the warehouse, item being inspected', next: (d) => (d ? `We will refund you by ${d}.` : 'We will refund you after the inspection.'), tone: 'progress' },
    refunded: { headline: 'Refunded', next: (d, amount) => (d && amount ? `We sent ${amount} on ${d}. When it arrives depends on your bank.` : 'When it arrives depends on your bank.'), tone: 'done' },
    rejected: { headline: 'Return declined', next: () => 'The reason is in our e-mail. If you disagree, reply to it.', tone: 'ended' },
    returned_to_customer: { headline: 'Item sent back to you', next: () => 'The reason is in our e-mail. If you disagree, reply to it.', tone: 'ended' },
    expired: { headline: 'Shipping period expired', next: () => 'If you did send the parcel, reply to our e-mail with the tracking number.', tone: 'ended' },
    cancelled: { headline: 'Return cancelled', next: () => 'If this is a mistake, reply to our e-mail.', tone: 'ended' },
    exchanged: { headline: 'Replacement sent', next: (_d, t) => `Your replacement is on its way.${t ? ` Tracking number: ${t}.` : ''}`, tone: 'done' },
  },
};

/** An exchange with nothing to refund: at the warehouse it waits for a replacement, not for money. */
const EXCHANGE_AT_WAREHOUSE: Record<Language, Texts> = {
  ru: { headline: 'Посылка на складе, товар проверяется', next: () => 'После проверки мы отправим вам замену и напишем об этом.', tone: 'progress' },
  en: { headline: 'Parcel at the warehouse, item being inspected', next: () => 'After the inspection we send you the replacement and write to you.', tone: 'progress' },
};

export function customerStatus(ref: ReturnRef, language: Language, timeZone: string): CustomerStatus {
  const exchangeOnly = ref.application.items.length === 0 && ((ref.decision as { exchange?: unknown[] }).exchange?.length ?? 0) > 0;
  const texts = exchangeOnly && ref.state === 'received_at_warehouse' ? EXCHANGE_AT_WAREHOUSE[language] : TEXTS[language][ref.state];
  const day = (at: Date | null | undefined) => (at ? longDay(isoDay(at, timeZone), language) : null);
  const d = ref.deadlines;
  let when: string | null = null;
  let extra: string | null = null;
  if (['received', 'parsed', 'needs_review'].includes(ref.state)) when = day(d.reviewDueAt);
  else if (ref.state === 'awaiting_shipment') when = day(d.shipBy);
  else if (ref.state === 'received_at_warehouse') when = day(d.refundDueAt);
  else if (ref.state === 'shipped') extra = ref.trackingNumber;
  else if (ref.state === 'exchanged') extra = (ref.decision as { replacementTracking?: string }).replacementTracking ?? null;
  else if (ref.state === 'refunded' && ref.refundPaid) {
    when = longDay(ref.refundPaid.on, language);
    extra = formatMoney(ref.refundPaid.amount, language);
  }
  return { returnNumber: ref.returnNumber, headline: texts.headline, next: texts.next(when, extra), tone: texts.tone };
}
