// Checks ground truth against rules a form cannot contradict: bank details pass their control keys (with
// the domain's own validators) and the refund method has its details. Used by the generator and the test.
import { checkCorrAccount } from '../../src/domain/validation/is-valid-corr-account.ts';
import { settlementAccountKeyValid } from '../../src/domain/validation/account-control-key.ts';
import type { Expected } from './expected-schema.ts';

export function checkGroundTruth(expected: Expected): string[] {
  const f = expected.fields;
  const faults: string[] = [];
  if (f.account !== undefined && !(f.bik !== undefined && settlementAccountKeyValid(f.bik, f.account))) {
    faults.push(`account ${f.account} fails its control key for BIK ${f.bik}`);
  }
  if (f.corrAccount !== undefined) {
    const check = f.bik === undefined ? 'no BIK' : checkCorrAccount(f.bik, f.corrAccount);
    if (check !== 'ok') faults.push(`corr. account ${f.corrAccount}: ${check}`);
  }
  if (f.refundMethod === 'bank_account' && (f.account === undefined || f.bik === undefined)) faults.push('bank refund without BIK and account');
  if (f.refundMethod === 'card' && f.cardLast4 === undefined) faults.push('card refund without the card digits');
  return faults;
}
