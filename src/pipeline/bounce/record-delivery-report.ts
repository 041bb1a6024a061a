// A bounce of one of our replies: mark the reply bounced and count the failure on the recipient, who stops
// getting replies after repeated hard bounces. Bounces are never answered (classify-sender), only recorded.
import type { DeliveryGuardStore } from '../../domain/ports/delivery-store.ts';
import { readDeliveryReport } from './read-delivery-report.ts';

export interface BounceSummary {
  /** False when the message was not a delivery-status report we can read. */
  report: boolean;
  originalMessageId?: string;
  outboundFound: boolean;
  hardBounces: number;
  blocked: string[];
}

export async function recordDeliveryReport(
  raw: Buffer,
  deps: { delivery: Pick<DeliveryGuardStore, 'recordBounce'>; blockAfter: number; now: () => Date },
): Promise<BounceSummary> {
  const report = readDeliveryReport(raw);
  const summary: BounceSummary = { report: report !== null, outboundFound: false, hardBounces: 0, blocked: [] };
  if (!report) return summary;
  summary.originalMessageId = report.originalMessageId;
  for (const r of report.recipients) {
    // "delivered", "relayed", "expanded" are success notices, not bounces.
    if (r.action !== 'failed' && r.action !== 'delayed') continue;
    const result = await deps.delivery.recordBounce(
      { originalMessageId: report.originalMessageId, recipient: r.address, status: r.status, hard: r.hard, at: deps.now() },
      deps.blockAfter,
    );
    summary.outboundFound ||= result.outboundFound;
    if (r.hard) summary.hardBounces++;
    if (result.blocked) summary.blocked.push(r.address);
  }
  return summary;
}
