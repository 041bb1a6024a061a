// Quantities of an order's SKUs already returned by earlier returns of the same order (refunded or on the way).
export interface ReturnedQuantity {
  sku: string;
  quantity: number;
}

/** Sums by SKU (several earlier returns may name the same SKU). */
export function sumBySku(entries: readonly ReturnedQuantity[] = []): Map<string, number> {
  const totals = new Map<string, number>();
  for (const { sku, quantity } of entries) totals.set(sku, (totals.get(sku) ?? 0) + quantity);
  return totals;
}
