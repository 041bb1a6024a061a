// Reads a delivery status notification (RFC 3464, multipart/report; report-type=delivery-status): which
// recipients failed with which status, and the Message-ID of the message it reports on (from the returned
// message/rfc822 or text/rfc822-headers part). Pure: raw bytes in, a value out; null when it is not a DSN.

export interface DeliveryReport {
  /** Message-ID of our message the report is about, when the MTA returned its headers. */
  originalMessageId?: string;
  recipients: Array<{ address: string; action: string; status: string; hard: boolean }>;
}

/** Bytes of a report we look at; DSNs are small, the returned original may be big and is only scanned for headers. */
const MAX_REPORT_SCAN_BYTES = 512 * 1024;

function splitHead(part: string): { head: string; body: string } {
  const match = /\r?\n\r?\n/.exec(part);
  if (!match) return { head: part, body: '' };
  return { head: part.slice(0, match.index), body: part.slice(match.index + match[0].length) };
}

/** Header fields of a block, names lower-cased, folded lines joined (RFC 5322 §2.2.3). */
function fields(block: string): Map<string, string> {
  const out = new Map<string, string>();
  const unfolded = block.replace(/\r?\n[ \t]+/g, ' ');
  for (const line of unfolded.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!out.has(name)) out.set(name, line.slice(colon + 1).trim());
  }
  return out;
}

function contentType(head: string): { type: string; boundary?: string } {
  const value = fields(head).get('content-type') ?? 'text/plain';
  const boundary = /boundary\s*=\s*(?:"([^"]+)"|([^;\s]+))/i.exec(value);
  return { type: value.split(';')[0]!.trim().toLowerCase(), boundary: boundary?.[1] ?? boundary?.[2] };
}

function parts(body: string, boundary: string): string[] {
  const delimiter = `--${boundary}`;
  const pieces = body.split(delimiter).slice(1);
  // The last piece starts with "--" (close delimiter); a broken report without it still yields its parts.
  return pieces.filter((p) => !p.startsWith('--')).map((p) => p.replace(/^[ \t]*\r?\n/, ''));
}

function address(value: string | undefined): string | undefined {
  if (!value) return undefined;
  // "rfc822; user@example.ru" (address-type; address)
  const addr = value.includes(';') ? value.slice(value.indexOf(';') + 1) : value;
  const cleaned = addr.trim().replace(/^<|>$/g, '');
  return cleaned.includes('@') ? cleaned.toLowerCase() : undefined;
}

export function readDeliveryReport(raw: Buffer): DeliveryReport | null {
  const text = raw.subarray(0, MAX_REPORT_SCAN_BYTES).toString('latin1');
  const top = splitHead(text);
  const type = contentType(top.head);
  if (type.type !== 'multipart/report' || !type.boundary) return null;

  const report: DeliveryReport = { recipients: [] };
  for (const part of parts(top.body, type.boundary)) {
    const { head, body } = splitHead(part);
    const partType = contentType(head).type;
    if (partType === 'message/delivery-status' || partType === 'message/global-delivery-status') {
      // First block is per-message (Reporting-MTA …), then one block per recipient.
      for (const block of body.split(/\r?\n[ \t]*\r?\n/)) {
        const f = fields(block);
        const recipient = address(f.get('final-recipient')) ?? address(f.get('original-recipient'));
        if (!recipient) continue;
        const action = (f.get('action') ?? '').toLowerCase();
        const status = /\d\.\d{1,3}\.\d{1,3}/.exec(f.get('status') ?? '')?.[0] ?? '';
        // RFC 3463: class 5 is permanent. "delayed" and class 4 are transient and do not count against the address.
        const hard = action === 'failed' && status.startsWith('5');
        report.recipients.push({ address: recipient, action, status, hard });
      }
    } else if (partType === 'message/rfc822' || partType === 'text/rfc822-headers' || partType === 'message/rfc822-headers' || partType === 'message/global') {
      const id = /<[^<>\s]+@[^<>\s]+>/.exec(fields(splitHead(body).head).get('message-id') ?? '')?.[0];
      if (id) report.originalMessageId = id;
    }
  }
  return report.recipients.length > 0 || report.originalMessageId ? report : null;
}
