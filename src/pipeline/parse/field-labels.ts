// Every label the parser recognises, by the field it introduces. Our form's own labels come from
// application-form.ts (one source for the printed form and the reader); the rest are the wordings of
// other shops' forms and of customers' own letters, Russian and English.
import type { FieldKey } from '../../domain/application.ts';
import { FORM_CHOICES, FORM_FIELDS } from '../../domain/application-form.ts';

/** Labels that introduce no field of ours but end the value before them (and whose own value is dropped). */
export type LabelTarget = FieldKey | 'reasonGroup' | 'refundGroup' | 'ignore';

export interface LabelDef {
  target: LabelTarget;
  text: string;
  /** Short or common words count as a label only at the start of a line. */
  lineStart?: boolean;
  /** Always ends the preceding value, even mid-sentence (passport data must never leak into a name). */
  cuts?: boolean;
}

const OTHER_LABELS: Record<LabelTarget, string[]> = {
  orderNumber: ['№ заказа', 'номер заказа', 'заказ №', 'заказа №', 'заказу №', 'заказ номер', 'order no', 'order #', 'order id', 'order number', 'номер интернет-заказа', 'по заказу', 'по заказу №', 'из заказа', 'for order'],
  orderDate: ['дата заказа', 'дата оформления заказа', 'дата покупки', 'order date', 'date of order', 'purchase date', 'date ordered'],
  receivedDate: ['дата получения', 'дата получения товара', 'товар получен', 'дата доставки', 'date received', 'received on', 'date of receipt', 'delivery date', 'received', 'товар получила', 'товар получил', 'получила товар', 'получил товар', 'товар был получен'],
  fullName: ['ф.и.о.', 'фио', 'фамилия имя отчество', 'фамилия, имя, отчество', 'фио покупателя', 'покупатель', 'full name', 'customer name', 'name'],
  email: ['e-mail', 'email', 'эл. почта', 'электронная почта', 'адрес электронной почты', 'e-mail address'],
  phone: ['телефон', 'тел.', 'контактный телефон', 'моб. телефон', 'мобильный телефон', 'phone', 'telephone', 'mobile', 'phone number'],
  reason: [],
  reasonText: ['подробнее', 'пояснение', 'комментарий', 'описание недостатка', 'описание дефекта', 'причина возврата подробно', 'comment', 'comments', 'details'],
  refundMethod: [],
  bik: ['бик', 'бик банка', 'bik', 'bic'],
  account: ['расчётный счёт', 'расчетный счет', 'р/с', 'р/сч', 'номер счёта', 'номер счета', 'счёт получателя', 'счет получателя', 'лицевой счёт', 'лицевой счет', 'account', 'account number'],
  corrAccount: ['корр. счёт', 'корр. счет', 'кор. счёт', 'кор. счет', 'корреспондентский счёт', 'корреспондентский счет', 'к/с', 'к/сч', 'corr. account', 'correspondent account'],
  accountHolder: ['получатель', 'фио получателя', 'владелец счёта', 'владелец счета', 'account holder', 'recipient', 'beneficiary'],
  cardLast4: ['последние 4 цифры карты', 'последние четыре цифры карты', 'номер карты', 'card last 4 digits', 'card number', 'last 4 digits of card'],
  applicationDate: ['дата заявления', 'дата составления', 'application date', 'дата', 'date'],
  reasonGroup: ['причина возврата', 'reason for return', 'reason'],
  refundGroup: ['способ возврата денег', 'способ возврата денежных средств', 'refund method', 'реквизиты для возврата', 'реквизиты для возврата денежных средств', 'bank details'],
  ignore: ['подпись', 'signature', 'дата рождения', 'date of birth', 'адрес', 'address', 'банк получателя', 'наименование банка', 'bank name', 'инн', 'кпп'],
};

/** Labels that end any value before them: what follows is personal data we never read or output. */
const CUTTING = ['паспорт', 'серия', 'выдан', 'код подразделения', 'зарегистрирован', 'проживающий', 'проживающая', 'passport'];

/** Too common to trust mid-line. */
const LINE_START_ONLY = new Set(['name', 'date', 'дата', 'received', 'reason', 'покупатель', 'получатель', 'account', 'recipient', 'details', 'адрес', 'address', 'mobile', 'email', 'comment', 'comments']);

function build(): LabelDef[] {
  const defs: LabelDef[] = [];
  const add = (target: LabelTarget, text: string) => {
    const lower = text.toLowerCase();
    defs.push({ target, text: lower, ...(LINE_START_ONLY.has(lower) ? { lineStart: true } : {}) });
  };
  for (const field of FORM_FIELDS) {
    add(field.key, `${field.labelRu} / ${field.labelEn}`);
    add(field.key, field.labelRu);
    add(field.key, field.labelEn);
  }
  add('reasonGroup', `${FORM_CHOICES.reason.labelRu} / ${FORM_CHOICES.reason.labelEn}`);
  add('refundGroup', `${FORM_CHOICES.refundMethod.labelRu} / ${FORM_CHOICES.refundMethod.labelEn}`);
  add('reasonGroup', FORM_CHOICES.reason.labelRu);
  add('refundGroup', FORM_CHOICES.refundMethod.labelRu);
  for (const [target, texts] of Object.entries(OTHER_LABELS) as Array<[LabelTarget, string[]]>) for (const t of texts) add(target, t);
  for (const t of CUTTING) defs.push({ target: 'ignore', text: t, cuts: true });
  const seen = new Set<string>();
  return defs.filter((d) => {
    const key = `${d.target}|${d.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export const FIELD_LABELS: readonly LabelDef[] = build();
