// More customers for the accuracy benchmark: varied names, banks, writing styles, items and dates, made from
// a seed so the samples are reproducible. Each customer comes with the order it refers to (orders.json),
// so the ground truth, the rendered paper and the order check all agree.
import type { Order } from '../../src/domain/order.ts';
import type { Reason } from '../../src/domain/application.ts';
import { luhnValid } from '../../src/domain/validation/luhn-valid.ts';
import { corrAccountFor, settlementAccountWithKey } from './bank-control-key.ts';
import { createRandom, seedFrom, type Random } from './random.ts';
import type { CanonicalItem, SampleApplication, WritingStyle } from './sample-application.ts';

export interface GeneratedCustomer {
  application: SampleApplication;
  style: WritingStyle;
  order: Order;
  /** A full card number as the customer writes it on other shops' forms (Luhn-valid, ends with cardLast4). */
  fullCard?: string;
  language: 'ru' | 'en';
}

/** Real BIKs of large Moscow banks; accounts and corr. accounts are made to key against them. */
const BANKS = ['044525225', '044525593', '044525974', '044525187', '044525700', '044525823', '044525092', '044525999'];

const MEN = [
  ['Смирнов', 'Алексей', 'Петрович'],
  ['Волков', 'Сергей', 'Андреевич'],
  ['Фёдоров', 'Максим', 'Олегович'],
  ['Михайлов', 'Артём', 'Денисович'],
  ['Новиков', 'Павел', 'Юрьевич'],
  ['Егоров', 'Илья', 'Романович'],
  ['Орлов', 'Виктор', 'Степанович'],
  ['Белов', 'Константин', 'Григорьевич'],
  ['Степанов', 'Роман', 'Викторович'],
  ['Никитин', 'Глеб', 'Алексеевич'],
  ['Захаров', 'Тимур', 'Ильдарович'],
  ['Гусев', 'Николай', 'Евгеньевич'],
] as const;
const WOMEN = [
  ['Васильева', 'Мария', 'Александровна'],
  ['Павлова', 'Ксения', 'Игоревна'],
  ['Семёнова', 'Дарья', 'Михайловна'],
  ['Голубева', 'Алина', 'Сергеевна'],
  ['Виноградова', 'Полина', 'Дмитриевна'],
  ['Богданова', 'Юлия', 'Витальевна'],
  ['Воробьёва', 'Елизавета', 'Андреевна'],
  ['Филиппова', 'Светлана', 'Борисовна'],
  ['Маркова', 'Анастасия', 'Олеговна'],
  ['Титова', 'Вероника', 'Павловна'],
  ['Киселёва', 'Татьяна', 'Николаевна'],
  ['Ильина', 'Евгения', 'Романовна'],
] as const;
const ENGLISH = [
  ['Oliver', 'Bennett'],
  ['Emma', 'Schulz'],
  ['Lucas', 'Moreau'],
] as const;

const TRANSLIT: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p',
  р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'sch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};
const translit = (s: string) => [...s.toLowerCase()].map((c) => TRANSLIT[c] ?? c).join('');
const DOMAINS = ['mail.ru', 'yandex.ru', 'gmail.com', 'bk.ru', 'inbox.ru', 'list.ru', 'rambler.ru', 'ya.ru'];

interface CatalogueItem {
  sku: string;
  name: string;
  nameEn: string;
  sizes: string[];
  price: number;
  category: string;
}
const CATALOGUE: CatalogueItem[] = [
  { sku: 'TS-2210', name: 'Футболка оверсайз чёрная', nameEn: 'Oversized T-shirt', sizes: ['S', 'M', 'L'], price: 1990, category: 't-shirts' },
  { sku: 'JN-5082', name: 'Джинсы прямые', nameEn: 'Straight jeans', sizes: ['28', '30', '32'], price: 5490, category: 'jeans' },
  { sku: 'DR-6614', name: 'Платье миди трикотажное', nameEn: 'Knit midi dress', sizes: ['42', '44', '46'], price: 6990, category: 'dresses' },
  { sku: 'SW-3390', name: 'Свитшот с капюшоном', nameEn: 'Hooded sweatshirt', sizes: ['M', 'L', 'XL'], price: 4290, category: 'sweatshirts' },
  { sku: 'SN-0718', name: 'Кроссовки белые', nameEn: 'White sneakers', sizes: ['37', '39', '42'], price: 8990, category: 'shoes' },
  { sku: 'CT-4451', name: 'Тренч бежевый', nameEn: 'Beige trench coat', sizes: ['44', '46', '48'], price: 12490, category: 'outerwear' },
  { sku: 'SK-1907', name: 'Юбка плиссе', nameEn: 'Pleated skirt', sizes: ['42', '44'], price: 3790, category: 'skirts' },
  { sku: 'SH-2635', name: 'Рубашка льняная', nameEn: 'Linen shirt', sizes: ['S', 'M', 'L'], price: 3490, category: 'shirts' },
  { sku: 'BG-0954', name: 'Рюкзак городской', nameEn: 'City backpack', sizes: [], price: 4590, category: 'bags' },
  { sku: 'SC-7720', name: 'Шарф шерстяной', nameEn: 'Wool scarf', sizes: [], price: 1490, category: 'accessories' },
  { sku: 'KN-8126', name: 'Джемпер кашемировый', nameEn: 'Cashmere jumper', sizes: ['M', 'L'], price: 9890, category: 'knitwear' },
  { sku: 'PT-3047', name: 'Брюки палаццо', nameEn: 'Palazzo trousers', sizes: ['44', '46'], price: 4990, category: 'trousers' },
];

const REASON_TEXT: Record<Reason, { ru: string[]; en: string[] }> = {
  proper_quality: {
    ru: ['Не подошёл размер', 'Не подошёл по фасону', 'Цвет отличается от фото на сайте', 'Передумала, не понравилась ткань', 'Маломерит на размер'],
    en: ['Too big for me', 'The colour is not what I expected'],
  },
  defect: {
    ru: ['Оторвалась пуговица, торчат нитки', 'Пятно на рукаве, не отстирывается', 'Сломалась молния после первой носки', 'Дырка на шве сбоку'],
    en: ['The zip broke on the first day'],
  },
  wrong_item: {
    ru: ['Прислали другой размер', 'Пришёл товар другого цвета', 'В посылке оказался чужой заказ'],
    en: ['I received a different colour'],
  },
};

const PHONE_STYLES: WritingStyle['phone'][] = ['plus7-brackets', 'eight-spaces', 'plus7-dashes', 'plus7-tight'];
const PRICE_STYLES: WritingStyle['price'][] = ['space-comma', 'plain', 'space-rouble', 'dot'];

const iso = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (isoDate: string, days: number) => iso(new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000));
const digits = (rng: Random, n: number) => Array.from({ length: n }, () => String(rng.int(0, 9))).join('');

/** A 16-digit card number starting 2200 (Mir) that passes Luhn and ends with `last4`. */
function cardNumber(rng: Random, last4: string): string {
  const body = `2200${digits(rng, 7)}`;
  for (let d = 0; d <= 9; d += 1) {
    const candidate = `${body}${d}${last4}`;
    if (luhnValid(candidate)) return candidate;
  }
  throw new Error('unreachable: one of ten digits makes any number Luhn-valid');
}

function makeCustomer(index: number): GeneratedCustomer {
  const rng = createRandom(seedFrom(`customer-${index}`));
  const english = index % 11 === 10;
  const woman = index % 2 === 0;
  const person = english ? undefined : woman ? WOMEN[index % WOMEN.length]! : MEN[index % MEN.length]!;
  const en = ENGLISH[index % ENGLISH.length]!;
  const fullName = person ? person.join(' ') : `${en[0]} ${en[1]}`;
  const emailUser = person ? `${translit(person[1]).slice(0, 1)}.${translit(person[0])}${rng.int(0, 3) === 0 ? String(rng.int(70, 99)) : ''}` : `${en[0]}.${en[1]}`.toLowerCase();
  const email = `${emailUser}@${english ? 'gmail.com' : rng.pick(DOMAINS)}`;
  const phone = english ? `+4915${digits(rng, 9)}` : `+79${rng.pick(['16', '03', '25', '26', '85', '99', '15', '05', '77', '62'])}${digits(rng, 7)}`;
  const orderNumber = `48${40 + Math.floor(index / 10)}-${String(1000 + ((index * 7919) % 9000)).padStart(4, '0')}`;
  const orderDate = `2025-03-${String(rng.int(1, 8)).padStart(2, '0')}`;
  const receivedDate = addDays(orderDate, rng.int(2, 6));
  const applicationDate = addDays(receivedDate, rng.int(1, 5));
  const reason = rng.pick(['proper_quality', 'proper_quality', 'defect', 'wrong_item'] as const);
  const reasonText = rng.pick(REASON_TEXT[reason][english ? 'en' : 'ru']);
  const card = english || rng.next() < 0.45;
  const bik = rng.pick(BANKS);
  const count = rng.next() < 0.6 ? 1 : rng.next() < 0.75 ? 2 : 3;
  const picked: CatalogueItem[] = [];
  while (picked.length < count) {
    const c = rng.pick(CATALOGUE);
    if (!picked.includes(c)) picked.push(c);
  }
  const items: CanonicalItem[] = picked.map((c) => {
    const item: CanonicalItem = { sku: c.sku, name: english ? c.nameEn : c.name };
    if (c.sizes.length > 0) item.size = rng.pick(c.sizes);
    item.quantity = c.price < 3000 && rng.next() < 0.4 ? '2' : '1';
    item.price = `${c.price}.00`;
    item.reason = reason;
    return item;
  });
  const last4 = digits(rng, 4);
  const fields: GeneratedCustomer['application']['fields'] = {
    orderNumber,
    orderDate,
    receivedDate,
    fullName,
    email,
    phone,
    reason,
    reasonText,
    refundMethod: card ? 'card' : 'bank_account',
    ...(card
      ? { cardLast4: last4 }
      : {
          bik,
          account: settlementAccountWithKey(bik, `40817810${digits(rng, 12)}`),
          corrAccount: corrAccountFor(bik),
          accountHolder: fullName,
        }),
    applicationDate,
  };
  const style: WritingStyle = {
    phone: english ? 'international' : PHONE_STYLES[index % PHONE_STYLES.length]!,
    price: PRICE_STYLES[(index >> 1) % PRICE_STYLES.length]!,
    accountGroups: index % 3 === 0,
  };
  const writtenAs = rng.next() < 0.3 ? { email: email.replace(/^./, (c) => c.toUpperCase()) } : undefined;
  const order: Order = {
    orderNumber,
    customerEmail: email,
    customerName: fullName,
    customerPhone: phone,
    orderDate,
    deliveryDate: receivedDate,
    region: english ? 'international' : 'domestic',
    lines: picked.map((c, i) => ({
      sku: c.sku,
      name: items[i]!.name!,
      ...(items[i]!.size ? { size: items[i]!.size } : {}),
      quantity: Number(items[i]!.quantity),
      unitPrice: c.price * 100,
      madeToOrder: false,
      category: c.category,
    })),
    discounts: [],
    shippingPaid: english ? 0 : 29_000,
  };
  return {
    application: { fields, items, ...(writtenAs ? { writtenAs } : {}) },
    style,
    order,
    ...(card ? { fullCard: cardNumber(rng, last4) } : {}),
    language: english ? 'en' : 'ru',
  };
}

export const GENERATED_CUSTOMER_COUNT = 40;

/** `c01` … `c40`. */
export const GENERATED_CUSTOMERS: Record<string, GeneratedCustomer> = Object.fromEntries(
  Array.from({ length: GENERATED_CUSTOMER_COUNT }, (_, i) => [`c${String(i + 1).padStart(2, '0')}`, makeCustomer(i + 1)]),
);
