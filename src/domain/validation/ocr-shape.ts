// What a Latin word looks like to OCR: the letters it confuses with one another made one ("l", "i", "1", "I", "|"
// are one stroke; "rn" is "m"; "vv" is "w"; "0" is "o"), and a letter read twice ("mellnikov") once. Two words of
// one shape differ only where OCR could have misread one for the other: "koziova" and "kozlova", "rambller.ru"
// and "rambler.ru", "ilyasmimnov" and "ilyasmirnov".

const STROKE = /[1!|iIlL]/g;

export function ocrShape(text: string): string {
  return text
    .toLowerCase()
    .replace(/rn/g, 'm')
    .replace(/vv/g, 'w')
    .replace(STROKE, 'l')
    .replace(/0/g, 'o')
    .replace(/(.)\1+/g, '$1');
}
