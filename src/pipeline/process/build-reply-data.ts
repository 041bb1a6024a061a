// The numbers and addresses a reply states, taken from the policy and the decision, so templates never
// hard-code a day count or an address.
import { MAX_ATTACHMENTS_PER_MESSAGE, MAX_MESSAGE_BYTES } from '../../domain/limits.ts';
import type { ParsedApplication } from '../../domain/application.ts';
import type { Policy } from '../../domain/policy/policy-schema.ts';
import type { ReplyTemplate } from '../../domain/reply.ts';
import type { ApplicationDecision } from '../decide/decide-application.ts';
import type { ReplyDataInput } from '../reply/reply-data.ts';
import { isoDay } from '../../domain/iso-day.ts';
import { shipBy } from '../../domain/lifecycle/deadlines.ts';

export interface ReplyContext {
  shopName: string;
  customerName?: string;
  policy: Policy;
  application: ParsedApplication;
  decision: Pick<ApplicationDecision, 'reasons' | 'shipping'>;
  /** YYYY-MM-DD of the decision, for the ship-by date. */
  today: string;
}

export function buildReplyData(template: ReplyTemplate, context: ReplyContext): ReplyDataInput<ReplyTemplate> {
  const common = { shopName: context.shopName, customerName: context.customerName ?? null };
  const { policy, decision } = context;
  switch (template) {
    case 'approved': {
      const shipping = decision.shipping;
      const variant = shipping?.variant ?? 'domestic';
      const address = shipping?.address ?? policy.addresses[variant];
      return {
        ...common,
        variant,
        returnAddress: address.lines.join('\n'),
        recipient: address.recipient,
        shipWithinDays: policy.shipWithinDays,
        // The same rule that sets the stored deadline the scheduler expires the return by.
        shipByDate: isoDay(shipBy(new Date(`${context.today}T00:00:00Z`), policy)),
        refundWithinDays: policy.refundDays,
        shippingPaidBy: shipping?.paidBy ?? 'customer',
      };
    }
    case 'rejected':
      return {
        ...common,
        reasonCode: decision.reasons[0]?.code ?? 'other',
        windowDays: policy.returnWindowDays,
        receivedDate: context.application.fields.receivedDate?.value ?? null,
      };
    case 'message_too_large':
      return { ...common, maxMessageMb: Math.floor(MAX_MESSAGE_BYTES / 1024 / 1024), maxAttachments: MAX_ATTACHMENTS_PER_MESSAGE };
    case 'needs_review':
      return { ...common, reviewHours: policy.reviewSlaHours };
    default:
      return common;
  }
}
