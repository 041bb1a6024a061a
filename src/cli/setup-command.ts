// `intake setup`: the first minute of a new shop. The presets ship an invented warehouse marked EXAMPLE, and until
// the shop's own return address replaces it no approval can tell a customer where to send the parcel. Setup writes
// that address into the policy file (from flags, or asked for on a terminal), checks the file with the loader the
// service uses, and says what to do next.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { DEFAULT_PRESET, loadPresets } from '../adapters/policy/load-policy.ts';
import { loadConfig } from '../config.ts';
import { AppError } from '../domain/app-error.ts';
import { isPlaceholderAddress } from '../domain/policy/placeholder-address.ts';
import type { PostalAddress } from '../domain/policy/policy-schema.ts';
import { setReturnAddresses, type AddressChange, type Region } from './setup/set-return-addresses.ts';

export interface SetupOptions {
  /** The policy file to write; default POLICY_FILE, else ./policy.yaml. */
  file?: string;
  preset?: string;
  domesticRecipient?: string;
  domesticLine?: string[];
  internationalRecipient?: string;
  internationalLine?: string[];
}

export interface SetupIo {
  /** Asks one question on a terminal; absent when nobody can answer (piped, CI), so what is missing is an error. */
  ask?: (question: string) => Promise<string>;
  out: (text: string) => void;
}

const REGIONS = ['domestic', 'international'] as const;
/** Without POLICY_FILE, the file the README's quick start names. */
const DEFAULT_FILE = 'policy.yaml';

export async function setup(options: SetupOptions, io: SetupIo, env: NodeJS.ProcessEnv = process.env): Promise<{ file: string }> {
  const config = loadConfig(env);
  const file = options.file ?? config.policyFile ?? DEFAULT_FILE;
  const current = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  const presets = Object.keys(loadPresets());
  const preset = options.preset ?? (current === undefined && io.ask ? await askPreset(io.ask, presets) : undefined);

  const change: AddressChange = { ...(preset ? { preset } : {}), addresses: addressesFromFlags(options) };
  // What the file says now (with the preset chosen): each region's address to keep, or to replace if it is the EXAMPLE.
  let result = setReturnAddresses(current, change, file, DEFAULT_PRESET);
  if (io.ask) {
    // Addresses given as flags are the answer; only an EXAMPLE one left beside them is still asked for.
    const flagged = Object.keys(change.addresses).length > 0;
    for (const region of REGIONS) {
      if (change.addresses[region] || (flagged && !result.placeholders.includes(region))) continue;
      const asked = await askAddress(io.ask, region, result.policy.addresses[region]);
      if (asked) change.addresses[region] = asked;
    }
    result = setReturnAddresses(current, change, file, DEFAULT_PRESET);
  }
  if (result.placeholders.length > 0) {
    const flags = result.placeholders.map((r) => `--${r}-recipient and --${r}-line (once per line)`).join(', ');
    throw new AppError('validation_failed', `the ${result.placeholders.join(' and ')} return address is still the preset's EXAMPLE placeholder; nothing was written. Give your own with ${flags}, or run \`intake setup\` on a terminal to be asked.`);
  }

  const state = current === undefined ? 'created' : result.text === current ? 'unchanged' : 'updated';
  if (state !== 'unchanged') writeAtomically(file, result.text);
  io.out(nextSteps(file, result.policy.addresses, { configured: config.policyFile, outboxDir: config.outboxDir, state }));
  return { file };
}

export async function setupCommand(options: SetupOptions): Promise<number> {
  const terminal = process.stdin.isTTY === true;
  const rl = terminal ? createInterface({ input: process.stdin, output: process.stderr }) : undefined;
  try {
    await setup(options, { ...(rl ? { ask: (q: string) => rl.question(q) } : {}), out: (text) => process.stdout.write(text) });
  } finally {
    rl?.close();
  }
  return 0;
}

function addressesFromFlags(options: SetupOptions): AddressChange['addresses'] {
  const addresses: AddressChange['addresses'] = {};
  for (const region of REGIONS) {
    const recipient = (region === 'domestic' ? options.domesticRecipient : options.internationalRecipient)?.trim();
    const lines = ((region === 'domestic' ? options.domesticLine : options.internationalLine) ?? []).map((l) => l.trim()).filter(Boolean);
    if (!recipient && lines.length === 0) continue;
    if (!recipient || lines.length === 0) {
      throw new AppError('validation_failed', `the ${region} address needs both --${region}-recipient and at least one --${region}-line`);
    }
    addresses[region] = { recipient, lines };
  }
  return addresses;
}

async function askPreset(ask: (q: string) => Promise<string>, presets: string[]): Promise<string> {
  const list = presets.map((name, i) => `  ${i + 1}. ${name}${name === DEFAULT_PRESET ? ' (default)' : ''}`).join('\n');
  for (;;) {
    const answer = (await ask(`Which return rules does the shop follow?\n${list}\nNumber or name [${DEFAULT_PRESET}]: `)).trim();
    if (answer === '') return DEFAULT_PRESET;
    const chosen = presets[Number(answer) - 1] ?? presets.find((name) => name === answer);
    if (chosen) return chosen;
  }
}

/**
 * A region's address typed in: the recipient, then the lines as written on the parcel, an empty line ending them.
 * Enter alone keeps a real address (undefined); the EXAMPLE one has to be replaced.
 */
async function askAddress(ask: (q: string) => Promise<string>, region: Region, current: PostalAddress): Promise<PostalAddress | undefined> {
  const placeholder = isPlaceholderAddress(current);
  const shown = [current.recipient, ...current.lines].map((l) => `    ${l}`).join('\n');
  const intro = placeholder
    ? `\nThe ${region} return address is the preset's invented EXAMPLE warehouse; no customer is sent there:\n${shown}\nYour own ${region} returns address, as it must be written on the parcel.\n`
    : `\nThe ${region} return address is:\n${shown}\nPress Enter to keep it, or type a new one.\n`;
  for (let prompt = intro; ; prompt = 'That still says EXAMPLE; please type your own address.\n') {
    const recipient = (await ask(`${prompt}Recipient (company and warehouse): `)).trim();
    if (recipient === '' && !placeholder) return undefined;
    if (recipient === '') continue;
    const lines: string[] = [];
    for (;;) {
      const line = (await ask(`Address line ${lines.length + 1}${lines.length > 0 ? ' (empty line when done)' : ''}: `)).trim();
      if (line === '') {
        if (lines.length > 0) break;
        continue;
      }
      lines.push(line);
    }
    const address = { recipient, lines };
    if (!isPlaceholderAddress(address)) return address;
  }
}

/** Written whole or not at all: the running service re-reads this file when it changes and must never see half of it. */
function writeAtomically(file: string, text: string): void {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, text);
  renameSync(temp, file);
}

function nextSteps(file: string, addresses: Record<Region, PostalAddress>, { configured, outboxDir, state }: { configured: string | undefined; outboxDir: string; state: 'created' | 'updated' | 'unchanged' }): string {
  const where = REGIONS.map((region) => `  ${region}:\n${[addresses[region].recipient, ...addresses[region].lines].map((l) => `    ${l}`).join('\n')}`).join('\n');
  const inForce = configured !== undefined && path.resolve(configured) === path.resolve(file);
  const start = inForce
    ? `  1. A running service takes the new address on its next round, without a restart; otherwise: npm start\n` +
      `     Approved returns that were waiting for the address get their shipping instructions then.`
    : `  1. Start the service with this policy: POLICY_FILE=${file} npm start\n` +
      `     (set POLICY_FILE=${file} wherever the service runs: without it the preset's EXAMPLE address stays in force)`;
  return [
    `${{ created: 'Wrote', updated: 'Updated', unchanged: 'Nothing to change in' }[state]} ${file}. Returns go to:`,
    where,
    '',
    'Next:',
    start,
    '  2. Create your sign-in for the review UI: npx intake users add you@example.com --role admin',
    `  3. Try it on a sample: npx intake samples try   (the approval, with this address, appears in ${outboxDir})`,
    "  4. Load the shop's orders: npx intake orders import FILE   (docs/orders-import.md)",
    '',
  ].join('\n');
}
