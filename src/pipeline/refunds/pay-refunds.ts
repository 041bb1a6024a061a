// Marking a batch of refunds paid: each is its own guarded `refund` transition with the amount actually paid and
// the bank day, and its own `refund_issued` reply stating exactly those (desk-steps.ts markRefundIssued). One that
// fails (moved meanwhile, a bad amount) is reported and leaves the others paid: the bank paid them all the same.
import { RefundMethodSchema } from '../../domain/application.ts';
import { AppError } from '../../domain/app-error.ts';
import { loadReturn } from '../review/change-return.ts';
import { markRefundIssued } from '../review/desk-steps.ts';
import type { AgentActor, ReviewDeps } from '../review/review-deps.ts';

export interface RefundPayment {
  returnNumber: string;
  /** Roubles as entered, "500.00". */
  amount: string;
}

export interface PayOutcome {
  paid: string[];
  failed: Array<{ returnNumber: string; message: string }>;
}

export async function payRefunds(deps: ReviewDeps, batch: { actor: AgentActor; paidOn: string; payments: RefundPayment[] }): Promise<PayOutcome> {
  const outcome: PayOutcome = { paid: [], failed: [] };
  for (const payment of batch.payments) {
    try {
      const ref = await loadReturn(deps, payment.returnNumber);
      const method = RefundMethodSchema.safeParse(ref.application.fields.refundMethod?.value);
      await markRefundIssued(deps, {
        returnNumber: payment.returnNumber,
        actor: batch.actor,
        amount: payment.amount.trim(),
        refundMethod: method.success ? method.data : 'bank_account',
        paidOn: batch.paidOn,
      });
      outcome.paid.push(payment.returnNumber);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      outcome.failed.push({ returnNumber: payment.returnNumber, message: error.message });
    }
  }
  return outcome;
}
