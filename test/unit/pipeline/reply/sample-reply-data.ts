// Realistic render data for every reply template, shared by the render tests.
import type { ReplyTemplate } from '../../../../src/domain/reply.ts';
import type { ReplyDataInput } from '../../../../src/pipeline/reply/reply-data.ts';

const shop = { shopName: 'Шоурум & Co', customerName: 'Иван <b>Петров</b>' };
const rules = { noteInParcel: true, numberOnShippingForm: true, askTrackingNumber: true, askReceiptPhoto: true };
const address = '7 Magistralnaya Str. (Lvovsky microdistr.), P/O box 4\n140961 Podolsk, Moscow region, Russia';

export const SAMPLE_DATA: { [T in ReplyTemplate]: ReplyDataInput<T> } = {
  approved: {
    ...shop,
    variant: 'international',
    returnAddress: address,
    recipient: 'Internet Solutions LLC',
    shipWithinDays: 4,
    shipByDate: '2025-03-10',
    refundWithinDays: 13,
    shippingPaidBy: 'customer',
    ...rules,
    shippingRefundNeedsReceipt: true,
    usedGoodsSentBack: true,
    refund: { amount: '500.00', itemsTotal: '3000.00', shipping: null, deductions: [{ code: '1+1=3', amount: '2500.00', why: 'condition_no_longer_met' }] },
  },
  exchange_approved: {
    ...shop,
    variant: 'domestic',
    returnAddress: address,
    recipient: 'Internet Solutions LLC',
    shipWithinDays: 4,
    shipByDate: '2025-03-10',
    shippingPaidBy: 'merchant',
    ...rules,
    shippingRefundNeedsReceipt: true,
    usedGoodsSentBack: true,
    exchange: [{ name: 'Skirt <i>', wanted: 'size L' }],
  },
  exchange_sent: { ...shop, exchange: [{ name: 'Skirt', wanted: 'size L' }], trackingNumber: 'RA123456785RU' },
  rejected: { ...shop, reasonCode: 'out_of_window', windowDays: 7, receivedDate: '2025-02-01' },
  needs_review: { ...shop, reviewHours: 24 },
  application_missing: { ...shop },
  photo_unreadable: { ...shop },
  message_too_large: { ...shop, maxMessageMb: 30, maxAttachments: 10 },
  shipping_reminder: { ...shop, ...rules, returnAddress: address, recipient: 'Internet Solutions LLC', shipByDate: '2025-03-10', daysLeft: 1 },
  expired: { ...shop, shipWithinDays: 4 },
  parcel_received: { ...shop, refundWithinDays: 13 },
  returned_to_customer: { ...shop, inspectionNote: 'stains on the hem' },
  shipment_received: { ...shop, trackingNumber: 'RA123456785RU', receiptReceived: false, trackingMissing: false, receiptMissing: true },
  ship_by_extended: { ...shop, ...rules, returnAddress: address, recipient: 'Internet Solutions LLC', shipByDate: '2025-03-12', revived: true, agentNote: 'The post office was closed.' },
  cancelled: { ...shop, agentNote: 'You asked us to cancel it.' },
  desk_alert: {
    shopName: 'Шоурум & Co',
    reviewSoon: [{ returnNumber: 'R-4K7M-9QXQ', dueDay: '2025-03-10', dueTime: '14:00', link: 'https://returns.shop.test/returns/R-4K7M-9QXQ' }],
    refundOverdue: [{ returnNumber: 'R-0001-0002', dueDay: '2025-03-08', amount: '500.00', link: 'https://returns.shop.test/returns/R-0001-0002' }],
  },
  desk_digest: {
    shopName: 'Шоурум & Co',
    day: '2025-03-10',
    underReview: 4,
    reviewOverdue: 1,
    awaitingShipment: 7,
    expiringWithin24h: 2,
    refundsDue: 3,
    refundsDueAmount: '4500.00',
    refundsOverdue: 1,
    refundsOverdueAmount: '500.00',
    unassignedMail: 2,
    uiUrl: 'https://returns.shop.test/dashboard',
  },
  agent_reply: { ...shop, body: 'Your parcel reached the warehouse.\n<b>Thank you</b> for waiting.' },
  refund_issued: { ...shop, amount: '500.00', refundMethod: 'card', cardLast4: '4242', discountDeducted: '2500.00' },
};
