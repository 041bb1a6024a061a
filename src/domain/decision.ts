// What the machine decided about an application, with the reasons a person can read.
import type { ReturnState } from './return-state.ts';

export type DecisionStatus = 'approved' | 'rejected' | 'needs_review' | 'awaiting_application';

export interface DecisionReason {
  /** Stable code, e.g. `missing_field`, `low_confidence`, `out_of_window`, `custom_made`. */
  code: string;
  /** Field the reason is about, when there is one. */
  field?: string;
  message: string;
}

export interface Decision {
  status: DecisionStatus;
  /** State the return enters: an approval waits for the parcel (`awaiting_shipment`). */
  state: ReturnState;
  reasons: DecisionReason[];
}
