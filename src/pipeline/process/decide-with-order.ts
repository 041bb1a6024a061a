// Looks up the order the application names and decides the application against it and the policy.
import type { ParsedApplication } from '../../domain/application.ts';
import type { Policy } from '../../domain/policy/policy-schema.ts';
import type { Orders } from '../../domain/ports/orders.ts';
import { decideApplication, type ApplicationDecision } from '../decide/decide-application.ts';

export async function decideWithOrder(
  application: ParsedApplication,
  deps: { orders: Orders | null; policy: Policy },
  today: string,
): Promise<ApplicationDecision> {
  const orderNumber = application.fields.orderNumber?.value;
  const order = orderNumber && deps.orders ? await deps.orders.find(orderNumber) : null;
  return decideApplication({ application, order, orderSourceAvailable: deps.orders !== null, policy: deps.policy, today });
}
