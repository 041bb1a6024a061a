// The merchant's return rules (SPEC §2) as data. Every number a rule depends on lives here so that a
// merchant changes a YAML file, not the code. Strict objects: a misspelt key is an error, not a silent default.
import { z } from 'zod';
import { ReasonSchema } from '../application.ts';

const days = z.number().int().nonnegative();

export const PostalAddressSchema = z.strictObject({
  /** Who the parcel is addressed to, e.g. "Internet Solutions LLC". */
  recipient: z.string().min(1),
  /** Address lines as they should be written on the shipping form, top to bottom. */
  lines: z.array(z.string().min(1)).min(1),
  // No free-text `note`: the replies word the carrier advice themselves in the customer's language, and a key that
  // is accepted but never shown would mislead whoever sets it (strict: it is refused at load).
});
export type PostalAddress = z.infer<typeof PostalAddressSchema>;

export const PartySchema = z.enum(['customer', 'merchant']);
export type Party = z.infer<typeof PartySchema>;

export const PolicySchema = z.strictObject({
  /** Human name of the rules, shown to agents. */
  name: z.string().min(1),

  /** Days after the customer received the order during which a proper-quality item may be returned. */
  returnWindowDays: days,
  /**
   * Order-line categories that cannot be returned when of proper quality (made to individual order,
   * modified or personalised at the customer's request). An order line with `madeToOrder: true` always counts.
   */
  nonReturnableCategories: z.array(z.string().min(1)),
  /** Who pays for sending the item back, per reason. */
  shippingPaidBy: z.strictObject({
    proper_quality: PartySchema,
    defect: PartySchema,
    wrong_item: PartySchema,
  }),
  /** Shipping, packaging and customs the customer paid are refunded only for these reasons… */
  shippingRefundReasons: z.array(ReasonSchema),
  /** …and only against a photo of the receipt, when this is true. */
  shippingRefundRequiresReceipt: z.boolean(),

  /** Days from the goods arriving at the warehouse to the refund. */
  refundDays: days,
  /** What happens to goods that arrive with traces of use or dirt. */
  usedGoods: z.enum(['return_to_customer', 'refund']),
  /** A return is processed only when the application form is present. */
  applicationRequired: z.boolean(),

  /** Hours within which an application must be decided (review SLA). */
  reviewSlaHours: z.number().positive(),
  /** Days after approval within which the customer must ship; afterwards the return expires. */
  shipWithinDays: z.number().int().positive(),
  /** The shipping reminder goes out this many days before the ship-by deadline. */
  reminderDaysBeforeShipBy: days,

  /** What the parcel must carry so the warehouse can accept it. */
  returnNumber: z.strictObject({
    noteInParcel: z.boolean(),
    onShippingForm: z.boolean(),
  }),
  /** What the customer sends back to confirm shipping. */
  shipmentConfirmation: z.strictObject({
    trackingNumber: z.boolean(),
    receiptPhoto: z.boolean(),
  }),

  /** A field read with less confidence than this sends the application to a person. */
  minConfidence: z.number().min(0).max(1),

  /** Where returns go, by the order's region. */
  addresses: z.strictObject({
    domestic: PostalAddressSchema,
    international: PostalAddressSchema,
  }),
});
export type Policy = z.infer<typeof PolicySchema>;
