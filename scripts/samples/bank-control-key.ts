// Makes bank details whose control key is valid, using the domain's own check (Bank of Russia rules):
// digit 9 of a 20-digit account is chosen so that the weighted sum with the BIK-derived prefix ends in 0.
import { corrAccountKeyValid, settlementAccountKeyValid } from '../../src/domain/validation/account-control-key.ts';

const KEY_INDEX = 8;

/** Sets digit 9 of `account` (whatever is there is ignored) so that `check(bik, account)` holds. */
function withKey(bik: string, account: string, check: (bik: string, account: string) => boolean): string {
  for (let key = 0; key <= 9; key++) {
    const candidate = account.slice(0, KEY_INDEX) + String(key) + account.slice(KEY_INDEX + 1);
    if (check(bik, candidate)) return candidate;
  }
  throw new Error(`no control key makes ${account} valid for BIK ${bik}`);
}

/** A settlement account with a valid key: `body` is 20 digits whose 9th digit is replaced by the key. */
export function settlementAccountWithKey(bik: string, body: string): string {
  return withKey(bik, body, settlementAccountKeyValid);
}

/** The correspondent account of a bank: 30101 810 K 00000000 + the BIK's last three digits. */
export function corrAccountFor(bik: string): string {
  return withKey(bik, `301018100${'0'.repeat(8)}${bik.slice(6)}`, corrAccountKeyValid);
}
