// The shop orders the samples refer to (written to samples/orders.json). Money in kopecks.
// Dates sit in March 2025 so that every sample e-mail falls inside its order's 7-day return window
// unless a sample says otherwise.
import type { Order } from '../../src/domain/order.ts';
import { GENERATED_CUSTOMERS } from './generated-applications.ts';

const rub = (rubles: number): number => rubles * 100;

const HAND_WRITTEN_ORDERS: Order[] = [
  {
    // SPEC §2 worked example: returning the T-shirt refunds 3000 − 2500 = 500 ₽.
    orderNumber: '4821-5567',
    customerEmail: 'anna.kovaleva@mail.ru',
    customerName: 'Ковалёва Анна Сергеевна',
    customerPhone: '+79161234567',
    orderDate: '2025-03-01',
    deliveryDate: '2025-03-05',
    region: 'domestic',
    lines: [
      { sku: 'SK-2291', name: 'Юбка миди плиссе', size: '44', quantity: 1, unitPrice: rub(4000), madeToOrder: false, category: 'skirts' },
      { sku: 'TS-1045', name: 'Футболка хлопковая белая', size: 'M', quantity: 1, unitPrice: rub(3000), madeToOrder: false, category: 't-shirts' },
      { sku: 'SC-0310', name: 'Шарф кашемировый', quantity: 1, unitPrice: rub(2500), madeToOrder: false, category: 'accessories' },
    ],
    discounts: [{ code: '1+1=3', description: 'Третий товар в подарок', amount: rub(2500), condition: { minItems: 3 } }],
    shippingPaid: 0,
  },
  {
    orderNumber: '4822-0193',
    customerEmail: 'd.sokolov@yandex.ru',
    customerName: 'Соколов Дмитрий Игоревич',
    customerPhone: '+79035551234',
    orderDate: '2025-03-02',
    deliveryDate: '2025-03-06',
    region: 'domestic',
    lines: [
      { sku: 'JK-7710', name: 'Куртка джинсовая', size: '52', quantity: 1, unitPrice: rub(7490), madeToOrder: false, category: 'outerwear' },
      { sku: 'BL-0021', name: 'Ремень кожаный', size: '100', quantity: 1, unitPrice: rub(1990), madeToOrder: false, category: 'accessories' },
    ],
    discounts: [],
    shippingPaid: rub(350),
  },
  {
    orderNumber: '4823-4410',
    customerEmail: 'katya.morozova@gmail.com',
    customerName: 'Морозова Екатерина Павловна',
    customerPhone: '+79253104487',
    orderDate: '2025-03-03',
    deliveryDate: '2025-03-07',
    region: 'domestic',
    lines: [
      { sku: 'DR-5530', name: 'Платье льняное', size: '46', quantity: 1, unitPrice: rub(5990), madeToOrder: false, category: 'dresses' },
      { sku: 'SH-1201', name: 'Рубашка оверсайз', size: 'S', quantity: 1, unitPrice: rub(3490), madeToOrder: false, category: 'shirts' },
    ],
    discounts: [],
    shippingPaid: rub(290),
  },
  {
    // Made to individual measurements: not returnable when of proper quality (SPEC §2).
    orderNumber: '4824-7781',
    customerEmail: 'olga.lebedeva@bk.ru',
    customerName: 'Лебедева Ольга Николаевна',
    customerPhone: '+79267441802',
    orderDate: '2025-02-20',
    deliveryDate: '2025-03-06',
    region: 'domestic',
    lines: [
      {
        sku: 'CT-9001',
        name: 'Пальто шерстяное по индивидуальным меркам',
        size: 'инд.',
        quantity: 1,
        unitPrice: rub(18900),
        madeToOrder: true,
        category: 'outerwear',
      },
    ],
    discounts: [],
    shippingPaid: 0,
  },
  {
    orderNumber: '4825-1034',
    customerEmail: 'i.petrenko@inbox.ru',
    customerName: 'Петренко Игорь Владимирович',
    customerPhone: '+79992013345',
    orderDate: '2025-03-04',
    deliveryDate: '2025-03-08',
    region: 'domestic',
    lines: [
      { sku: 'TR-4410', name: 'Брюки чиносы', size: '50', quantity: 2, unitPrice: rub(3990), madeToOrder: false, category: 'trousers' },
      { sku: 'SW-3307', name: 'Свитер вязаный', size: 'L', quantity: 1, unitPrice: rub(4590), madeToOrder: false, category: 'knitwear' },
    ],
    discounts: [],
    shippingPaid: 0,
  },
  {
    orderNumber: '4826-3358',
    customerEmail: 'marina.krylova@yandex.ru',
    customerName: 'Крылова Марина Алексеевна',
    customerPhone: '+79175550213',
    orderDate: '2025-03-05',
    deliveryDate: '2025-03-09',
    region: 'domestic',
    lines: [{ sku: 'DR-6120', name: 'Платье трикотажное', size: '42', quantity: 1, unitPrice: rub(4290), madeToOrder: false, category: 'dresses' }],
    discounts: [],
    shippingPaid: 0,
  },
  {
    orderNumber: '4827-9902',
    customerEmail: 'v.kuznetsova@mail.ru',
    customerName: 'Кузнецова Вера Андреевна',
    customerPhone: '+79031112233',
    orderDate: '2025-03-04',
    deliveryDate: '2025-03-08',
    region: 'domestic',
    lines: [{ sku: 'BT-0440', name: 'Ботинки челси', size: '38', quantity: 1, unitPrice: rub(8990), madeToOrder: false, category: 'shoes' }],
    discounts: [],
    shippingPaid: 0,
  },
  {
    orderNumber: '4828-1175',
    customerEmail: 'alexey.smirnov@gmail.com',
    customerName: 'Смирнов Алексей Петрович',
    customerPhone: '+79857003344',
    orderDate: '2025-03-05',
    deliveryDate: '2025-03-09',
    region: 'domestic',
    lines: [{ sku: 'HD-2050', name: 'Худи с капюшоном', size: 'XL', quantity: 1, unitPrice: rub(3790), madeToOrder: false, category: 'knitwear' }],
    discounts: [],
    shippingPaid: 0,
  },
  {
    orderNumber: '4829-6620',
    customerEmail: 'n.zaytseva@rambler.ru',
    customerName: 'Зайцева Наталья Викторовна',
    customerPhone: '+79112345678',
    orderDate: '2025-03-03',
    deliveryDate: '2025-03-07',
    region: 'domestic',
    lines: [
      { sku: 'BG-1188', name: 'Сумка-тоут кожаная', quantity: 1, unitPrice: rub(6490), madeToOrder: false, category: 'bags' },
      { sku: 'GL-0075', name: 'Перчатки замшевые', size: '7', quantity: 1, unitPrice: rub(1890), madeToOrder: false, category: 'accessories' },
    ],
    discounts: [],
    shippingPaid: 0,
  },
  {
    orderNumber: '4830-2207',
    customerEmail: 'sarah.thompson@gmail.com',
    customerName: 'Sarah Thompson',
    customerPhone: '+447700900123',
    orderDate: '2025-02-24',
    deliveryDate: '2025-03-07',
    region: 'international',
    lines: [
      { sku: 'KN-3402', name: 'Кардиган мохеровый', size: 'S', quantity: 1, unitPrice: rub(6890), madeToOrder: false, category: 'knitwear' },
      { sku: 'SC-0310', name: 'Шарф кашемировый', quantity: 1, unitPrice: rub(2500), madeToOrder: false, category: 'accessories' },
    ],
    discounts: [],
    shippingPaid: rub(2100),
  },
];

/** The hand-written orders, then one per generated customer. */
export const SAMPLE_ORDERS: Order[] = [...HAND_WRITTEN_ORDERS, ...Object.values(GENERATED_CUSTOMERS).map((c) => c.order)];
