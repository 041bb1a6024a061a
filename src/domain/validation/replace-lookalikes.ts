// Swaps look-alike letters of the other alphabet by a map, counting each swap as a fix (every fix lowers
// the value's confidence). The maps differ by field: an e-mail is lower case, a code upper case.
export function replaceLookalikes(text: string, map: Readonly<Record<string, string>>): { text: string; fixes: number } {
  let fixes = 0;
  const replaced = [...text]
    .map((ch) => {
      const to = map[ch];
      if (to === undefined) return ch;
      fixes += 1;
      return to;
    })
    .join('');
  return { text: replaced, fixes };
}
