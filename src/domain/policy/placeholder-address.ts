// The presets ship an invented warehouse marked "EXAMPLE" so that a new shop runs at once; a customer must never
// be sent there. An address is a placeholder while its recipient or any line still carries the marker.
import type { Policy, PostalAddress } from './policy-schema.ts';

const MARKER = /\bEXAMPLE\b/i;

export function isPlaceholderAddress(address: PostalAddress): boolean {
  return [address.recipient, ...address.lines].some((text) => MARKER.test(text));
}

/** The regions whose return address is still the preset's placeholder. */
export function placeholderRegions(policy: Pick<Policy, 'addresses'>): Array<keyof Policy['addresses']> {
  return (['domestic', 'international'] as const).filter((region) => isPlaceholderAddress(policy.addresses[region]));
}

export function placeholderMessage(region: keyof Policy['addresses']): string {
  return `The ${region} return address in the policy is the preset's EXAMPLE placeholder; set addresses.${region} in your POLICY_FILE before an approval can be sent (README, "Quick start").`;
}
