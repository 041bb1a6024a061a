// Every stored return as `intake returns list --json` prints it (README, "Stable interfaces"): the application as
// decided (each value with its source), the decision, the refund and the tracking number, page by page.
import type { ParsedApplication } from '../application.ts';
import type { Decision } from '../decision.ts';
import type { ReturnState } from '../return-state.ts';

export interface ListedReturn {
  returnNumber: string;
  state: ReturnState;
  /** The Message-ID of the customer's e-mail the return was made from. */
  messageId: string | null;
  application: ParsedApplication;
  /** The stored decision, whatever else it carries (refund breakdown, evidence, shipping). */
  decision: Decision & { refund?: { total: number } };
  trackingNumber: string | null;
}

export interface ReturnListing {
  /** Oldest first; `after` is the last returnNumber of the previous page. */
  listStoredReturns(page: { after?: string; limit: number }): Promise<ListedReturn[]>;
}
