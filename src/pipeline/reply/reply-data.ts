// What each reply template needs, as zod schemas: the caller's data is checked before rendering so a
// missing number fails loudly here instead of reaching a customer as an empty space. Every number (days,
// hours, limits) and every address comes from policy config through this data, never from a template.
import { z } from 'zod';
import type { ReplyTemplate } from '../../domain/reply.ts';

const days = z.number().int().positive();
/** A shop day; templates write it out with the `date` helper ("8 декабря 2026 г."), never as it is. */
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a YYYY-MM-DD day');
/** Roubles as a decimal string, "500.00"; templates write it with the `money` helper. */
const roubles = z.string().regex(/^\d+\.\d{2}$/, 'roubles like "500.00"');

/** What the policy asks of the parcel and of the customer after sending (each key of the policy is stated or left out). */
const parcelRules = {
  noteInParcel: z.boolean(),
  numberOnShippingForm: z.boolean(),
  askTrackingNumber: z.boolean(),
  askReceiptPhoto: z.boolean(),
};
export type ParcelRules = { [K in keyof typeof parcelRules]: boolean };

/** What the approval promises to refund, and why it is less than the items' price when a discount is lost. */
const RefundStatement = z.object({
  amount: roubles,
  itemsTotal: roubles,
  /** Shipping refunded with it, when there is some. */
  shipping: roubles.nullable().default(null),
  deductions: z.array(
    z.object({
      code: z.string().min(1),
      amount: roubles,
      why: z.enum(['condition_no_longer_met', 'proportional_share', 'carried_over']),
    }),
  ),
});
export type RefundStatement = z.infer<typeof RefundStatement>;

/** Keys every template may use; `returnNumber` and `replyAddress` are added by renderReply itself. */
const common = {
  shopName: z.string().min(1),
  customerName: z.string().nullable().default(null),
};

/** Where the parcel goes; multi-line addresses are separated with "\n". */
const shippingTo = {
  returnAddress: z.string().min(1),
  recipient: z.string().min(1),
};

/** Why an attachment could not be read, in the customer's terms (the unreadable-why partials word each). */
const UnreadableWhySchema = z.enum(['damaged', 'unsupported', 'encrypted', 'too_large', 'too_complex', 'no_text', 'too_slow', 'not_recognised']);
export type UnreadableWhy = z.infer<typeof UnreadableWhySchema>;
/** Attachments that could not be read, each named with why: the reply says so rather than answer as if none came. */
const UnreadableFiles = z.array(z.object({ name: z.string().min(1), why: UnreadableWhySchema })).default([]);

/** Items an agent exchanges instead of refunding: the item and what the customer gets for it ("size L"). */
const ExchangeList = z.array(z.object({ name: z.string().min(1), wanted: z.string().trim().min(1).max(200) }));

const approvedSchema = z.object({
    ...common,
    ...shippingTo,
    /** `international` adds the marketplace rules: any postal service that delivers to Russia, customs. */
    variant: z.enum(['domestic', 'international']),
    shipWithinDays: days,
    shipByDate: isoDay.nullable().default(null),
    refundWithinDays: days,
    /** Items of the application an agent turned down while approving the rest, and why (reject-reason codes). */
    notReturnable: z.array(z.object({ name: z.string().min(1), reason: z.string().min(1) })).default([]),
    /** The refund computed from the order (null when there is no order to compute it from). */
    refund: RefundStatement.nullable().default(null),
    /** `customer` for proper-quality returns; `merchant` for defective or wrong items (SPEC §2). */
    shippingPaidBy: z.enum(['customer', 'merchant']),
    ...parcelRules,
    /** Shipping costs are refunded only against a photo of the receipt (policy shippingRefundRequiresReceipt). */
    shippingRefundNeedsReceipt: z.boolean(),
    /** Goods with traces of use go back without a refund (policy usedGoods: return_to_customer). */
    usedGoodsSentBack: z.boolean(),
    /** Items exchanged instead of refunded, in the same parcel (issue #14). */
    exchange: ExchangeList.default([]),
  });

export const REPLY_DATA_SCHEMAS = {
  approved: approvedSchema,
  /**
   * Approved, but the shop's return address is not set yet: no address and no ship-by date (the time to ship starts
   * with the instructions e-mail), only that they follow, and what will be refunded.
   */
  approved_address_pending: z.object({
    ...common,
    refund: RefundStatement.nullable().default(null),
    refundWithinDays: days,
    /** An agent's approval may turn items down or exchange them (decide-review.ts); the customer hears it now. */
    notReturnable: z.array(z.object({ name: z.string().min(1), reason: z.string().min(1) })).default([]),
    exchange: ExchangeList.default([]),
  }),
  /** The instructions an `approved_address_pending` reply promised: the approval's how-to-ship part on its own. */
  shipping_instructions: approvedSchema.omit({ notReturnable: true, exchange: true }),
  /** Every item kept is exchanged: the same shipping instructions, no refund, the replacement after inspection. */
  exchange_approved: approvedSchema.omit({ refund: true, refundWithinDays: true }).extend({ exchange: ExchangeList.min(1) }),
  /** The replacement is on its way to the customer. */
  exchange_sent: z.object({ ...common, exchange: ExchangeList.min(1), trackingNumber: z.string().trim().min(1).max(60).nullable().default(null) }),
  rejected: z.object({
    ...common,
    /** One reason per reply: out_of_window, custom_made, used_goods, not_our_order, … ; others get a generic text. */
    reasonCode: z.string().min(1),
    windowDays: days.nullable().default(null),
    receivedDate: isoDay.nullable().default(null),
  }),
  needs_review: z.object({ ...common, reviewHours: days }),
  application_missing: z.object({
    ...common,
    unreadableFiles: UnreadableFiles,
  }),
  photo_unreadable: z.object({
    ...common,
    /** The photos and scans whose text could not be read (none when an agent asks for a better photo). */
    unreadableFiles: UnreadableFiles,
    /** What the agent asked for in their own words ("the bank details are cut off"), when they wrote something. */
    agentNote: z.string().trim().min(1).max(500).nullable().default(null),
  }),
  message_too_large: z.object({
    ...common,
    maxMessageMb: z.number().positive(),
    maxAttachments: z.number().int().positive(),
    /** Not too large but too complex to take apart (MIME over its limits, or it stopped its worker): said so, not "too large". */
    tooComplex: z.boolean().default(false),
  }),
  shipping_reminder: z.object({ ...common, ...shippingTo, ...parcelRules, shipByDate: isoDay, daysLeft: z.number().int().nonnegative() }),
  expired: z.object({ ...common, shipWithinDays: days }),
  /** `exchangeOnly`: nothing is refunded, the replacement follows the inspection (issue #14). */
  parcel_received: z.object({ ...common, refundWithinDays: days, exchangeOnly: z.boolean().default(false) }),
  refund_issued: z.object({
    ...common,
    /** Roubles as a decimal string, "500.00". */
    amount: z.string().regex(/^\d+(\.\d{2})?$/),
    /** The bank day the money went out, as the desk recorded it (null: not stated). */
    paidOn: isoDay.nullable().default(null),
    refundMethod: z.enum(['bank_account', 'card']),
    cardLast4: z.string().regex(/^\d{4}$/).nullable().default(null),
    /** A conditional discount deducted from the refund (SPEC §2), roubles, when there was one. */
    discountDeducted: z.string().nullable().default(null),
    /** An exchange: the money is the return postage the shop bears for a defective or wrong item, nothing more. */
    returnPostageOnly: z.boolean().default(false),
  }),
  /** The customer's shipping confirmation acknowledged; a receipt photo the policy asks for may still be missing. */
  shipment_received: z.object({
    ...common,
    /** The tracking number this e-mail brought, if any. */
    trackingNumber: z.string().min(1).nullable().default(null),
    /** This e-mail brought a photo of the shipping receipt. */
    receiptReceived: z.boolean(),
    /** What the policy still asks for before the parcel counts as sent. */
    trackingMissing: z.boolean(),
    receiptMissing: z.boolean(),
  }),
  /** The inspection found traces of use: the goods go back without a refund (policy usedGoods: return_to_customer). */
  returned_to_customer: z.object({ ...common, inspectionNote: z.string().trim().min(1).max(500).nullable().default(null) }),
  /** An agent gave more days to ship, or brought an expired return back (`revived`): the new last day and how to ship. */
  ship_by_extended: z.object({
    ...common,
    ...shippingTo,
    ...parcelRules,
    shipByDate: isoDay,
    revived: z.boolean(),
    agentNote: z.string().trim().min(1).max(500).nullable().default(null),
  }),
  /** An agent cancelled the return (the customer withdrew it, a duplicate, …), in their own words when given. */
  cancelled: z.object({ ...common, agentNote: z.string().trim().min(1).max(500).nullable().default(null) }),
  /** An agent's own answer in the conversation, as written (card numbers masked); greeting and signature around it. */
  agent_reply: z.object({ ...common, body: z.string().trim().min(1).max(10_000) }),
  /** To the desk: returns whose review deadline is close and refunds that became overdue, each with its page. */
  desk_alert: z.object({
    ...common,
    reviewSoon: z.array(z.object({ returnNumber: z.string().min(1), dueDay: isoDay, dueTime: z.string().regex(/^\d{2}:\d{2}$/), link: z.string().min(1) })),
    refundOverdue: z.array(z.object({ returnNumber: z.string().min(1), dueDay: isoDay, amount: roubles.nullable(), link: z.string().min(1) })),
  }),
  /** To the desk, once a day: the queue's figures, money to the kopeck. */
  desk_digest: z.object({
    ...common,
    day: isoDay,
    underReview: z.number().int().nonnegative(),
    reviewOverdue: z.number().int().nonnegative(),
    awaitingShipment: z.number().int().nonnegative(),
    expiringWithin24h: z.number().int().nonnegative(),
    refundsDue: z.number().int().nonnegative(),
    refundsDueAmount: roubles,
    refundsOverdue: z.number().int().nonnegative(),
    refundsOverdueAmount: roubles,
    unassignedMail: z.number().int().nonnegative(),
    /** Approved returns whose shipping instructions wait for the shop's return address (set it in the policy). */
    waitingForAddress: z.number().int().nonnegative().default(0),
    uiUrl: z.string().min(1),
  }),
} satisfies Record<ReplyTemplate, z.ZodType>;

/** Templates that are about an existing return and so need its number. */
export const NEEDS_RETURN_NUMBER: ReadonlySet<ReplyTemplate> = new Set([
  'approved',
  'approved_address_pending',
  'shipping_instructions',
  'exchange_approved',
  'exchange_sent',
  'shipping_reminder',
  'expired',
  'parcel_received',
  'refund_issued',
  'shipment_received',
  'returned_to_customer',
  'ship_by_extended',
  'cancelled',
]);

export type ReplyDataInput<T extends ReplyTemplate> = z.input<(typeof REPLY_DATA_SCHEMAS)[T]>;
