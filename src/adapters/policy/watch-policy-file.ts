// The policy file as a running service sees it: read and validated at start-up (a bad file stops start-up, as
// before), then looked at again on each refresh: the worker's rounds, and the UI's pages that use the policy. Only a
// stat when nothing changed; a changed file is read whole, validated like at start-up, and either replaces the
// policy in one step or is refused, the policy before it staying in force. A refused text is not re-read until
// the file changes again, so the log says it once.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { AppError } from '../../domain/app-error.ts';
import type { Policy } from '../../domain/policy/policy-schema.ts';
import type { PolicyRefresh, PolicySource, PolicyStatus } from '../../domain/ports/policy-source.ts';
import { DEFAULT_PRESET, loadPolicy, policyFromText, PRESETS_DIR, readPolicyText } from './load-policy.ts';

export interface PolicyChange {
  outcome: 'reloaded' | 'refused';
  status: PolicyStatus;
  policy: Policy;
}

export interface WatchPolicyOptions {
  presetsDir?: string;
  /** Told of each change taken or refused (the caller logs it). */
  onChange?: (change: PolicyChange) => void;
  now?: () => Date;
}

export function watchPolicyFile(file: string | undefined, options: WatchPolicyOptions = {}): PolicySource {
  const presetsDir = options.presetsDir ?? PRESETS_DIR;
  const now = options.now ?? (() => new Date());
  if (file === undefined) {
    // No file to change: the preset is the policy for the life of the process.
    const policy = loadPolicy(undefined, presetsDir);
    const status: PolicyStatus = { source: `preset ${DEFAULT_PRESET}`, version: versionOf(JSON.stringify(policy)), loadedAt: now() };
    return { current: () => policy, refresh: async () => 'unchanged', status: () => ({ ...status }) };
  }

  // Start-up reads synchronously and throws on a bad file, exactly as loadPolicy always did.
  const text = readPolicyText(file);
  let policy = policyFromText(text, file, presetsDir);
  let status: PolicyStatus = { source: file, version: versionOf(text), loadedAt: now() };
  let refusedVersion: string | undefined;
  // What the file looked like when last read. Empty until the first refresh: the stat may postdate the read above.
  let seen = '';
  let inflight: Promise<PolicyRefresh> | undefined;

  async function look(): Promise<PolicyRefresh> {
    let text: string;
    try {
      const before = await stat(file!);
      const signature = signatureOf(before);
      if (signature === seen) return 'unchanged';
      text = await readFile(file!, 'utf8');
      // Written while we read: look again next time rather than judge a half-written file now.
      seen = signatureOf(await stat(file!)) === signature ? signature : '';
    } catch (cause) {
      return refuse(`Cannot read policy file ${file}: ${(cause as Error).message}`, `unreadable:${(cause as NodeJS.ErrnoException).code ?? ''}`);
    }
    const version = versionOf(text);
    if (version === status.version) {
      // Touched, or put back as it was: the policy in force is the file again.
      if (status.refused) status = withoutRefusal(status);
      refusedVersion = undefined;
      return 'unchanged';
    }
    if (version === refusedVersion) return 'unchanged';
    try {
      policy = policyFromText(text, file!, presetsDir);
    } catch (error) {
      return refuse(error instanceof AppError ? error.message : String(error), version);
    }
    refusedVersion = undefined;
    status = { source: file!, version, loadedAt: now() };
    options.onChange?.({ outcome: 'reloaded', status: { ...status }, policy });
    return 'reloaded';
  }

  function refuse(message: string, version: string): PolicyRefresh {
    if (version === refusedVersion) return 'unchanged';
    refusedVersion = version;
    status = { ...status, refused: { at: now(), message } };
    options.onChange?.({ outcome: 'refused', status: { ...status }, policy });
    return 'refused';
  }

  return {
    current: () => policy,
    refresh: () => {
      // One look at a time: the worker's round and a page may ask at once (intake start shares one source).
      inflight ??= look().finally(() => {
        inflight = undefined;
      });
      return inflight;
    },
    status: () => ({ ...status, ...(status.refused ? { refused: { ...status.refused } } : {}) }),
  };
}

/** mtime, size and inode: an editor that saves by rename changes the inode even within one mtime tick. */
function signatureOf(stats: { mtimeMs: number; ctimeMs: number; size: number; ino: number }): string {
  return `${stats.mtimeMs}:${stats.ctimeMs}:${stats.size}:${stats.ino}`;
}

function versionOf(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}

function withoutRefusal(status: PolicyStatus): PolicyStatus {
  const { refused: _gone, ...rest } = status;
  return rest;
}
