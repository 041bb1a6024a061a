// The shop's own bank account, which refunds are paid from: the payer of every exported payment order.
import { z } from 'zod';

export const PayerAccountSchema = z.object({
  /** The organisation as the bank knows it, e.g. ООО «Ромашка». */
  name: z.string().trim().min(1),
  inn: z.string().regex(/^(\d{10}|\d{12})$/, '10 digits (organisation) or 12 (sole trader)'),
  kpp: z.string().regex(/^\d{9}$/, '9 digits').optional(),
  account: z.string().regex(/^\d{20}$/, '20 digits'),
  bik: z.string().regex(/^\d{9}$/, '9 digits'),
  corrAccount: z.string().regex(/^\d{20}$/, '20 digits'),
  bank: z.string().trim().min(1),
});
export type PayerAccount = z.infer<typeof PayerAccountSchema>;
