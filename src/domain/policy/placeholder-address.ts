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

/**
 * What start-up says while a region has no real address: applications are still decided (decide-application.ts),
 * but the shipping instructions of approvals wait for the address, `waiting` of them so far.
 */
export function placeholderWarning(region: keyof Policy['addresses'], waiting: number): string {
  return `${placeholderMessage(region)} \`npx intake setup\` writes it. Until then approvals are decided and the customer told, but the shipping instructions wait (${waiting} approved return(s) waiting now); they go out by themselves once the address is set.`;
}

export function placeholderMessage(region: keyof Policy['addresses']): string {
  return `The ${region} return address in the policy is the preset's EXAMPLE placeholder; set addresses.${region} in your POLICY_FILE before shipping instructions can be sent (README, "Quick start").`;
}
