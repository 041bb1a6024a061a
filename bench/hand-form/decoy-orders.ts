// A busy shop around a devset's orders, to check that finding an order from misread digits never takes another one:
// every order number within 400 of each real one exists (same format, another buyer with a random phone, ordered and
// delivered within three weeks of it, lines from the same catalogue), and each real buyer has five more orders
// (same e-mail, name and phone). Seeded; the real orders are kept as they are.
//
//   npx tsx bench/hand-form/decoy-orders.ts --orders /tmp/hand-orders.json --seed 1 --out /tmp/decoys1.json
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { seededRandom } from '../../test/support/seeded-random.ts';

const { values: opt } = parseArgs({ options: { orders: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' } } });
if (!opt.orders || !opt.out) throw new Error('usage: decoy-orders.ts --orders FILE --out FILE [--seed N]');
const seed = Number(opt.seed ?? 1);

/** The same seed makes the same shop. */
const { int, pick } = seededRandom(seed);

type RawOrder = { orderNumber: string; orderDate: string; deliveryDate?: string; customerEmail?: string; customerName?: string; customerPhone?: string; lines: unknown[] } & Record<string, unknown>;
const real = JSON.parse(readFileSync(opt.orders, 'utf8')) as RawOrder[];
const catalogue = real.flatMap((o) => o.lines);
const taken = new Set(real.map((o) => o.orderNumber));
const out: RawOrder[] = [...real];
const NAMES = ['Иванова Анна Сергеевна', 'Петров Пётр Петрович', 'Смирнова Ольга Игоревна', 'Кузнецов Иван Андреевич', 'Крылов Андрей Павлович'];

const shift = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
function decoy(orderNumber: string, like: RawOrder, sameBuyer: boolean): RawOrder {
  const orderDate = shift(like.orderDate, int(-20, 20));
  const lines = Array.from({ length: int(1, 4) }, () => pick(catalogue));
  return {
    ...like,
    orderNumber,
    orderDate,
    deliveryDate: shift(orderDate, int(2, 5)),
    lines,
    ...(sameBuyer
      ? {}
      : { customerPhone: `+79${Array.from({ length: 9 }, () => int(0, 9)).join('')}`, customerEmail: `c${seed}_${out.length}@example.ru`, customerName: pick(NAMES) }),
  };
}
const add = (orderNumber: string, like: RawOrder, sameBuyer: boolean) => {
  if (taken.has(orderNumber)) return false;
  taken.add(orderNumber);
  out.push(decoy(orderNumber, like, sameBuyer));
  return true;
};

for (const order of real) {
  const n = order.orderNumber;
  // The number's own format: "5636/25" (a count and the year), "LH-76299" (a prefix), "00029510" (zero-padded).
  const slash = /^(\d+)\/(\d+)$/.exec(n);
  const prefix = /^([A-Z]+-)(\d+)$/.exec(n);
  const format = slash
    ? (k: number) => `${String(k).padStart(slash[1]!.length, '0')}/${slash[2]}`
    : prefix
      ? (k: number) => `${prefix[1]}${String(k).padStart(prefix[2]!.length, '0')}`
      : (k: number) => String(k).padStart(n.length, '0');
  const at = Number(slash ? slash[1] : prefix ? prefix[2] : n);
  for (let k = Math.max(0, at - 400); k < at + 400; k++) add(format(k), order, false);
  let others = 0;
  while (others < 5) if (add(format(int(0, 10 ** (slash ? slash[1]!.length : prefix ? prefix[2]!.length : n.length) - 1)), order, true)) others++;
}
writeFileSync(opt.out, JSON.stringify(out));
console.log(`${out.length} orders (${real.length} real) -> ${opt.out}`);
