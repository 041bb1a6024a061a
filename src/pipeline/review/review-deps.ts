// What an agent's action on a return needs: the port that changes returns, the order source, the policy and
// the reply renderer. The web routes pass these in; nothing here knows about HTTP.
import type { Policy } from '../../domain/policy/policy-schema.ts';
import type { Orders } from '../../domain/ports/orders.ts';
import type { ReplyTemplates } from '../../domain/ports/reply-renderer.ts';
import type { ReturnUpdates } from '../../domain/ports/return-updates.ts';
import type { RenderedReply } from '../../domain/reply.ts';
import type { ReplyGuard, SuppressReason } from '../reply/guard-reply.ts';

export interface ReviewDeps {
  updates: ReturnUpdates;
  /** null when no order source is configured. */
  orders: Orders | null;
  policy: Policy;
  templates: ReplyTemplates;
  composeMessage: (reply: RenderedReply) => Promise<Buffer>;
  /** Our address, `Returns <info@shop.example>`. */
  from: string;
  shopName: string;
  /** The shop's IANA time zone (SHOP_TIMEZONE). */
  timeZone: string;
  now: () => Date;
  /** An agent's reply passes the same check as the machine's (bounces, rate limit, own address). */
  replyGuard: ReplyGuard;
}

/** Who acts: the signed-in agent's e-mail, recorded as `agent:<email>` in the audit trail. */
export type AgentActor = `agent:${string}`;

export interface ActionOutcome {
  returnNumber: string;
  state: string;
  /** The reply committed with the change, if the transition is customer-facing. */
  reply: string | null;
  /** Why the reply was drafted but not sent (the change is committed all the same). */
  replySuppressed?: SuppressReason;
}
