// Whether the item amounts add up to the total printed under the table. Works in kopecks so that
// "4990.00" + "10.00" compares exactly.
export function toKopecks(amount: string): number {
  const [int, frac = '00'] = amount.split('.');
  return Number(int) * 100 + Number((frac + '00').slice(0, 2));
}

export function sumMatchesTotal(amounts: Array<{ price: string; quantity?: number }>, total: string): boolean {
  const sum = amounts.reduce((acc, { price, quantity }) => acc + toKopecks(price) * (quantity ?? 1), 0);
  return sum === toKopecks(total);
}
