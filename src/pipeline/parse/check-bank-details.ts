// Cross-checks the bank details against each other. The account's control key is computed from the BIK,
// and the correspondent account repeats and keys against the BIK too, so a key that passes confirms both
// sides; a key that fails means a wrong digit somewhere in the pair.
import { checkCorrAccount } from '../../domain/validation/is-valid-corr-account.ts';
import { settlementAccountKeyValid } from '../../domain/validation/account-control-key.ts';
import { isValidBik } from '../../domain/validation/is-valid-bik.ts';
import { problem, type Problem } from '../../domain/problem.ts';
import type { Check } from './score-confidence.ts';

export interface BankVerdict {
  check: Check;
  /** Confidence cap when the field is doubtful without its own checksum failing. */
  cap?: number;
}

export interface BankCheck {
  bik?: BankVerdict;
  account?: BankVerdict;
  corrAccount?: BankVerdict;
  problems: Problem[];
}

export function checkBankDetails(values: { bik?: string; account?: string; corrAccount?: string }): BankCheck {
  const { bik, account, corrAccount } = values;
  const out: BankCheck = { problems: [] };
  const bikOk = bik !== undefined && isValidBik(bik);
  if (bik !== undefined && !bikOk) {
    out.bik = { check: 'failed' };
    out.problems.push(problem('bik', 'invalid_value', 'BIK must be 9 digits starting with 04'));
  }
  let accountPassed = false;
  if (account !== undefined) {
    if (!/^\d{20}$/.test(account)) {
      out.account = { check: 'failed' };
      out.problems.push(problem('account', 'invalid_value', 'settlement account must be 20 digits'));
    } else if (account.startsWith('301')) {
      // 301… is a bank's correspondent account at the Central Bank (its key passes against the bank's own BIK):
      // never the account a refund is paid to — the bank's line read for the customer's.
      out.account = { check: 'failed' };
      out.problems.push(problem('account', 'invalid_value', "a 301… number is the bank's correspondent account, not the recipient's account"));
    } else if (bikOk) {
      accountPassed = settlementAccountKeyValid(bik!, account);
      out.account = { check: accountPassed ? 'passed' : 'failed' };
      if (!accountPassed) out.problems.push(problem('account', 'checksum_failed', 'settlement account control key does not match the BIK'));
    } else out.account = { check: 'none' };
  }
  let corrPassed = false;
  if (corrAccount !== undefined) {
    if (!/^\d{20}$/.test(corrAccount)) {
      out.corrAccount = { check: 'failed' };
      out.problems.push(problem('corrAccount', 'invalid_value', 'correspondent account must be 20 digits'));
    } else if (bikOk) {
      const verdict = checkCorrAccount(bik!, corrAccount);
      corrPassed = verdict === 'ok';
      out.corrAccount = { check: corrPassed ? 'passed' : 'failed' };
      if (verdict === 'bad_format') out.problems.push(problem('corrAccount', 'invalid_value', 'correspondent account must start with 301'));
      if (verdict === 'bik_mismatch') out.problems.push(problem('corrAccount', 'inconsistent', "correspondent account does not end with the BIK's last three digits"));
      if (verdict === 'bad_key') out.problems.push(problem('corrAccount', 'checksum_failed', 'correspondent account control key does not match the BIK'));
    } else if (!corrAccount.startsWith('301')) {
      out.corrAccount = { check: 'failed' };
      out.problems.push(problem('corrAccount', 'invalid_value', 'correspondent account must start with 301'));
    } else out.corrAccount = { check: 'none' };
  }
  if (bikOk) {
    // The account key covers only the BIK's last three digits and the correspondent account its digits
    // 5–9; only both together confirm enough of it to trust an OCR reading.
    if (accountPassed && corrPassed) out.bik = { check: 'passed' };
    // Both keyed checks failed: the BIK itself is the likelier culprit.
    else if (out.account?.check === 'failed' && (corrAccount === undefined || out.corrAccount?.check === 'failed')) out.bik = { check: 'none', cap: 0.6 };
    else out.bik = { check: 'none' };
  }
  return out;
}
