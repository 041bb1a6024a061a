// Example render data for every reply template, with the numbers and addresses of the configured policy,
// so `intake templates preview NAME` shows what a customer would really read.
import { MAX_ATTACHMENTS_PER_MESSAGE, MAX_MESSAGE_BYTES } from '../../domain/limits.ts';
import type { Policy } from '../../domain/policy/policy-schema.ts';
import type { ReplyTemplate } from '../../domain/reply.ts';
import { parcelRules } from '../process/build-reply-data.ts';
import type { ReplyDataInput } from './reply-data.ts';

export function previewReplyData(policy: Policy, shopName: string, variant: 'domestic' | 'international' = 'domestic'): { [T in ReplyTemplate]: ReplyDataInput<T> } {
  const common = { shopName, customerName: 'Анна Смирнова' };
  const address = policy.addresses[variant];
  const shipping = { returnAddress: address.lines.join('\n'), recipient: address.recipient };
  const rules = parcelRules(policy);
  const refund = { amount: '500.00', itemsTotal: '3000.00', shipping: null, deductions: [{ code: '1+1=3', amount: '2500.00', why: 'condition_no_longer_met' as const }] };
  const approved = {
    ...common,
    ...shipping,
    variant,
    shipWithinDays: policy.shipWithinDays,
    shipByDate: '2026-11-26',
    refundWithinDays: policy.refundDays,
    shippingPaidBy: policy.shippingPaidBy.proper_quality,
    refund,
    ...rules,
    shippingRefundNeedsReceipt: policy.shippingRefundRequiresReceipt,
    usedGoodsSentBack: policy.usedGoods === 'return_to_customer',
  };
  return {
    approved,
    approved_address_pending: { ...common, refund, refundWithinDays: policy.refundDays },
    shipping_instructions: approved,
    exchange_approved: {
      ...common,
      ...shipping,
      variant,
      shipWithinDays: policy.shipWithinDays,
      shipByDate: '2026-11-26',
      shippingPaidBy: policy.shippingPaidBy.defect,
      ...rules,
      shippingRefundNeedsReceipt: policy.shippingRefundRequiresReceipt,
      usedGoodsSentBack: policy.usedGoods === 'return_to_customer',
      exchange: [{ name: 'Юбка', wanted: 'размер L' }],
    },
    exchange_sent: { ...common, exchange: [{ name: 'Юбка', wanted: 'размер L' }], trackingNumber: 'RA123456785RU' },
    rejected: { ...common, reasonCode: 'out_of_window', windowDays: policy.returnWindowDays, receivedDate: '2026-11-02' },
    needs_review: { ...common, reviewHours: policy.reviewSlaHours },
    application_missing: { ...common },
    photo_unreadable: { ...common, unreadableFiles: [{ name: 'заявление.jpg', why: 'no_text' }] },
    message_too_large: { ...common, maxMessageMb: Math.floor(MAX_MESSAGE_BYTES / 1024 / 1024), maxAttachments: MAX_ATTACHMENTS_PER_MESSAGE },
    shipping_reminder: { ...common, ...shipping, ...rules, shipByDate: '2026-11-26', daysLeft: policy.reminderDaysBeforeShipBy },
    expired: { ...common, shipWithinDays: policy.shipWithinDays },
    parcel_received: { ...common, refundWithinDays: policy.refundDays },
    returned_to_customer: { ...common, inspectionNote: null },
    shipment_received: { ...common, trackingNumber: 'RA123456785RU', receiptReceived: false, trackingMissing: false, receiptMissing: policy.shipmentConfirmation.receiptPhoto },
    refund_issued: { ...common, amount: '500.00', refundMethod: 'card', cardLast4: '4242', discountDeducted: '2500.00' },
    ship_by_extended: { ...common, ...shipping, ...rules, shipByDate: '2026-11-30', revived: false, agentNote: null },
    cancelled: { ...common, agentNote: null },
    desk_alert: {
      shopName,
      reviewSoon: [{ returnNumber: 'R-4K7M-9QXQ', dueDay: '2026-11-26', dueTime: '14:00', link: 'http://localhost:3000/returns/R-4K7M-9QXQ' }],
      refundOverdue: [{ returnNumber: 'R-0001-0002', dueDay: '2026-11-20', amount: '500.00', link: 'http://localhost:3000/returns/R-0001-0002' }],
    },
    desk_digest: {
      shopName,
      day: '2026-11-26',
      underReview: 4,
      reviewOverdue: 1,
      awaitingShipment: 7,
      expiringWithin24h: 2,
      refundsDue: 3,
      refundsDueAmount: '4500.00',
      refundsOverdue: 1,
      refundsOverdueAmount: '500.00',
      unassignedMail: 2,
      waitingForAddress: 3,
      uiUrl: 'http://localhost:3000/dashboard',
    },
    agent_reply: { ...common, body: 'Посылка пришла на склад вчера, проверка займёт один-два дня.' },
  };
}
