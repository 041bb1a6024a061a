// A Russian bank identification code: 9 digits; every BIK of a bank in Russia starts with "04"
// (the country code of the Bank of Russia's numbering).
export function isValidBik(bik: string): boolean {
  return /^04\d{7}$/.test(bik);
}
