// A bank's correspondent account at the Bank of Russia: 20 digits, balance account 30101, and its last
// three digits repeat the last three of the bank's BIK; the control key is computed from the BIK too.
import { corrAccountKeyValid } from './account-control-key.ts';

export type CorrAccountCheck = 'ok' | 'bad_format' | 'bik_mismatch' | 'bad_key';

export function checkCorrAccount(bik: string, corrAccount: string): CorrAccountCheck {
  if (!/^301\d{17}$/.test(corrAccount)) return 'bad_format';
  if (corrAccount.slice(17) !== bik.slice(6)) return 'bik_mismatch';
  return corrAccountKeyValid(bik, corrAccount) ? 'ok' : 'bad_key';
}
