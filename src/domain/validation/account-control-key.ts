// The Bank of Russia control key of a 20-digit account (Положение ЦБ РФ № 579-П, приложение):
// prefix the account with three digits derived from the BIK, weight the 23 digits 7,1,3 repeated,
// and the sum of the products must be divisible by 10. The key digit (the 9th of the account) is chosen
// so that this holds, which is why a single misread digit anywhere in BIK tail or account always fails.
const WEIGHTS = [7, 1, 3];

function weightedSumOk(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) sum += (Number(digits[i]) * WEIGHTS[i % 3]!) % 10;
  return sum % 10 === 0;
}

/** Settlement account held at a credit institution: key string = last 3 digits of the BIK + account. */
export function settlementAccountKeyValid(bik: string, account: string): boolean {
  if (!/^\d{9}$/.test(bik) || !/^\d{20}$/.test(account)) return false;
  return weightedSumOk(bik.slice(6) + account);
}

/** Correspondent account (held at the Bank of Russia): key string = "0" + BIK digits 5–6 + account. */
export function corrAccountKeyValid(bik: string, corrAccount: string): boolean {
  if (!/^\d{9}$/.test(bik) || !/^\d{20}$/.test(corrAccount)) return false;
  return weightedSumOk('0' + bik.slice(4, 6) + corrAccount);
}
