// Looks up the order the application names and decides the application against it and the policy.
import type { ParsedApplication } from '../../domain/application.ts';
import type { Policy } from '../../domain/policy/policy-schema.ts';
import type { Orders } from '../../domain/ports/orders.ts';
import type { ReturnUpdates } from '../../domain/ports/return-updates.ts';
import { decideApplication, type ApplicationDecision } from '../decide/decide-application.ts';

export async function decideWithOrder(
  application: ParsedApplication,
  deps: { orders: Orders | null; policy: Policy; returns: Pick<ReturnUpdates, 'returnedQuantities'> },
  today: string,
  /** When deciding an existing return again, its own items don't count as already returned. */
  exceptReturnNumber?: string,
): Promise<ApplicationDecision> {
  const orderNumber = application.fields.orderNumber?.value;
  const order = orderNumber && deps.orders ? await deps.orders.find(orderNumber) : null;
  const alreadyReturned = order ? await deps.returns.returnedQuantities(order.orderNumber, exceptReturnNumber) : [];
  return decideApplication({ application, order, orderSourceAvailable: deps.orders !== null, policy: deps.policy, today, alreadyReturned });
}
