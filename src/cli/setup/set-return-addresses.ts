// The policy file `intake setup` writes: the operator's own file with the shop's return addresses (and, if asked, the
// preset) set, every other key, comment and blank line kept. The result is checked by the loader the service uses,
// so what setup writes is exactly what `npm start` and the running service will accept.
import path from 'node:path';
import YAML from 'yaml';
import { policyFromText } from '../../adapters/policy/load-policy.ts';
import { AppError } from '../../domain/app-error.ts';
import { placeholderRegions } from '../../domain/policy/placeholder-address.ts';
import type { Policy, PostalAddress } from '../../domain/policy/policy-schema.ts';

export type Region = keyof Policy['addresses'];

export interface AddressChange {
  /** A shipped preset (config/policies/); a new file without one gets DEFAULT_PRESET. */
  preset?: string;
  addresses: Partial<Record<Region, PostalAddress>>;
}

const NEW_FILE_HEADER = [
  ' The return policy of this shop: a shipped preset (config/policies/) and whatever this file overrides.',
  ' Written by `intake setup`; edit it freely. Any key of the preset can be overridden here.',
].join('\n');

export interface ChangedPolicy {
  text: string;
  policy: Policy;
  /** Regions whose address is still the preset's EXAMPLE one: no approval can give shipping instructions there. */
  placeholders: Region[];
}

/**
 * The text of `file` after the change, and the policy it gives. `current` is the file's text, or undefined for a
 * file not written yet. Throws config_invalid, listing every bad key, when the result is no valid policy.
 */
export function setReturnAddresses(current: string | undefined, change: AddressChange, file: string, defaultPreset: string): ChangedPolicy {
  const json = path.extname(file) === '.json';
  const text = json ? jsonText(current, change, file, defaultPreset) : yamlText(current, change, file, defaultPreset);
  const policy = policyFromText(text, file);
  return { text, policy, placeholders: placeholderRegions(policy) };
}

function yamlText(current: string | undefined, change: AddressChange, file: string, defaultPreset: string): string {
  const doc = current === undefined ? new YAML.Document({}) : YAML.parseDocument(current);
  if (doc.errors.length > 0) throw new AppError('config_invalid', `Policy file ${file} is not valid YAML: ${doc.errors[0]!.message}`);
  if (current === undefined) doc.commentBefore = NEW_FILE_HEADER;
  // An empty file (or one of comments only) has no mapping to set keys in yet.
  if (doc.contents === null) doc.contents = doc.createNode({});
  if (change.preset !== undefined || !doc.has('preset')) doc.set('preset', change.preset ?? defaultPreset);
  for (const [region, address] of entries(change.addresses)) {
    doc.setIn(['addresses', region], doc.createNode({ recipient: address.recipient, lines: [...address.lines] }));
  }
  return doc.toString();
}

function jsonText(current: string | undefined, change: AddressChange, file: string, defaultPreset: string): string {
  let config: Record<string, unknown>;
  try {
    config = current === undefined ? {} : (JSON.parse(current) as Record<string, unknown>);
  } catch (cause) {
    throw new AppError('config_invalid', `Policy file ${file} is not valid JSON: ${(cause as Error).message}`, { cause });
  }
  if (change.preset !== undefined || config.preset === undefined) config.preset = change.preset ?? defaultPreset;
  const addresses = { ...(config.addresses as Record<string, unknown> | undefined) };
  for (const [region, address] of entries(change.addresses)) addresses[region] = { recipient: address.recipient, lines: [...address.lines] };
  if (Object.keys(addresses).length > 0) config.addresses = addresses;
  return `${JSON.stringify(config, null, 2)}\n`;
}

function entries(addresses: AddressChange['addresses']): Array<[Region, PostalAddress]> {
  return (['domestic', 'international'] as const).flatMap((region) => (addresses[region] ? [[region, addresses[region]] as [Region, PostalAddress]] : []));
}
