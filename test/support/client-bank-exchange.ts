// Reads a 1CClientBankExchange file back, as a bank's client system would: windows-1251 text, a header of key=value
// lines, then `СекцияДокумент=…` … `КонецДокумента` sections, ending with `КонецФайла`. Strict: an unknown line
// shape, a section left open or a missing end fails, so a test that parses an export checks its structure too.
import iconv from 'iconv-lite';

export interface ExchangeFile {
  header: Record<string, string>;
  documents: Array<Record<string, string>>;
}

export function parseClientBankExchange(bytes: Buffer): ExchangeFile {
  const lines = iconv.decode(bytes, 'win1251').split('\r\n');
  if (lines[0] !== '1CClientBankExchange') throw new Error(`not a 1CClientBankExchange file: ${lines[0]}`);
  const header: Record<string, string> = {};
  const documents: Array<Record<string, string>> = [];
  let current: Record<string, string> | null = null;
  let ended = false;
  for (const line of lines.slice(1)) {
    if (ended) {
      if (line !== '') throw new Error(`text after КонецФайла: ${line}`);
      continue;
    }
    if (line === 'КонецФайла') {
      if (current) throw new Error('КонецФайла inside a document');
      ended = true;
      continue;
    }
    if (line === 'КонецДокумента') {
      if (!current) throw new Error('КонецДокумента without СекцияДокумент');
      documents.push(current);
      current = null;
      continue;
    }
    const at = line.indexOf('=');
    if (at <= 0) throw new Error(`not a key=value line: ${JSON.stringify(line)}`);
    const key = line.slice(0, at);
    const value = line.slice(at + 1);
    if (key === 'СекцияДокумент') {
      if (current) throw new Error('a document inside a document');
      current = { [key]: value };
    } else if (current) current[key] = value;
    else header[key] = value;
  }
  if (!ended) throw new Error('no КонецФайла');
  return { header, documents };
}
