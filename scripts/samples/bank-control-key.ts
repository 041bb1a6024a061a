// The Russian bank-account control key (Bank of Russia rules, 1997): digit 9 of a 20-digit account is
// chosen so that the weighted sum of 23 digits — three from the BIK, then the account — ends in 0.
// Settlement accounts take the BIK's last three digits; correspondent accounts take "0" and BIK digits 5–6.

const WEIGHTS = [7, 1, 3] as const;
const KEY_INDEX = 8;

function weightedSumEndsInZero(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += (Number(digits[i]) * WEIGHTS[i % 3]!) % 10;
  return sum % 10 === 0;
}

function isDigits(value: string, length: number): boolean {
  return value.length === length && /^\d+$/.test(value);
}

export function isValidSettlementAccount(bik: string, account: string): boolean {
  return isDigits(bik, 9) && isDigits(account, 20) && weightedSumEndsInZero(bik.slice(6) + account);
}

export function isValidCorrAccount(bik: string, corrAccount: string): boolean {
  return isDigits(bik, 9) && isDigits(corrAccount, 20) && weightedSumEndsInZero('0' + bik.slice(4, 6) + corrAccount);
}

/** Sets digit 9 of `account` (its value there is ignored) so that `check(bik, account)` holds. */
function withKey(bik: string, account: string, check: (bik: string, account: string) => boolean): string {
  for (let key = 0; key <= 9; key++) {
    const candidate = account.slice(0, KEY_INDEX) + String(key) + account.slice(KEY_INDEX + 1);
    if (check(bik, candidate)) return candidate;
  }
  throw new Error(`no control key makes ${account} valid for BIK ${bik}`);
}

/** A settlement account with a valid key: `body` is 20 digits, its 9th digit is replaced by the key. */
export function settlementAccountWithKey(bik: string, body: string): string {
  return withKey(bik, body, isValidSettlementAccount);
}

/** A correspondent account of a bank in the Bank of Russia's main office: 30101810 K 0000000 0 + BIK's last 3. */
export function corrAccountFor(bik: string): string {
  return withKey(bik, `301018100${'0'.repeat(8)}${bik.slice(6)}`, isValidCorrAccount);
}
