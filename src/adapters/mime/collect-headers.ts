// Flattens mailparser's headers into MailMessage.headers: lower-cased names, decoded text where mailparser
// decoded it, the raw (unfolded) value otherwise, repeated headers joined with ", ".
import type { HeaderLines, HeaderValue, Headers } from 'mailparser';

function rawValue(line: string): string {
  const colon = line.indexOf(':');
  return line
    .slice(colon + 1)
    .replace(/\r?\n[ \t]+/g, ' ')
    .trim();
}

function decoded(value: HeaderValue | undefined): string | undefined {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'text' in value && typeof value.text === 'string') return value.text;
  return undefined;
}

export function collectHeaders(headers: Headers, lines: HeaderLines): Record<string, string> {
  const raw = new Map<string, string[]>();
  for (const { key, line } of lines) {
    const name = key.toLowerCase();
    raw.set(name, [...(raw.get(name) ?? []), rawValue(line)]);
  }
  const out: Record<string, string> = {};
  for (const [name, values] of raw) {
    // Return-Path `<>` must stay visible as such: mailparser turns it into an empty address list.
    const nice = values.length === 1 && name !== 'return-path' ? decoded(headers.get(name)) : undefined;
    out[name] = nice ?? values.join(', ');
  }
  return out;
}
