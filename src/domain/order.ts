// A shop order as the returns desk checks it: what was bought, for how much, and which discounts applied.
// Money is integer kopecks everywhere (1 ₽ = 100); OCR'd prices are never used for refunds.
import { z } from 'zod';

export const OrderLineSchema = z.object({
  sku: z.string().min(1),
  name: z.string(),
  size: z.string().optional(),
  quantity: z.number().int().positive(),
  /** Price of one unit, kopecks, before order-level discounts. */
  unitPrice: z.number().int().nonnegative(),
  /** Made to individual order, modified or personalised at the customer's request (SPEC §2). */
  madeToOrder: z.boolean().default(false),
  category: z.string().optional(),
});
export type OrderLine = z.infer<typeof OrderLineSchema>;

/** A discount that holds only while a condition on the kept items holds, e.g. "1+1=3": at least 3 items. */
export const OrderDiscountSchema = z.object({
  code: z.string(),
  description: z.string().optional(),
  /** Amount of the discount in kopecks as applied to the order. */
  amount: z.number().int().nonnegative(),
  condition: z
    .object({
      minItems: z.number().int().positive().optional(),
      minTotal: z.number().int().nonnegative().optional(),
    })
    .optional(),
});
export type OrderDiscount = z.infer<typeof OrderDiscountSchema>;

export const OrderSchema = z.object({
  orderNumber: z.string().min(1),
  customerEmail: z.string().optional(),
  customerName: z.string().optional(),
  customerPhone: z.string().optional(),
  /** YYYY-MM-DD */
  orderDate: z.string(),
  /** YYYY-MM-DD; the return window counts from this date (SPEC §2). */
  deliveryDate: z.string().optional(),
  /** `domestic` ships to the Russian address; `international` to the marketplace address. */
  region: z.enum(['domestic', 'international']).default('domestic'),
  lines: z.array(OrderLineSchema).min(1),
  discounts: z.array(OrderDiscountSchema).default([]),
  /** Shipping, packaging and customs the customer paid, kopecks; refundable only for defect / wrong item. */
  shippingPaid: z.number().int().nonnegative().default(0),
});
export type Order = z.infer<typeof OrderSchema>;
