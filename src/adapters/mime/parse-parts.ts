// One streaming pass of mailparser over a message: headers, text and attachment parts, with the number of
// attachments bounded so a message of thousands of tiny parts cannot fill memory. Never throws: a broken
// message yields what was read before the break, flagged `broken`.
import { MailParser, type AttachmentStream, type HeaderLines, type Headers, type MessageText } from 'mailparser';
import { MAX_TEXT_CHARS } from '../../domain/limits.ts';

export interface RawPart {
  filename?: string;
  contentType: string;
  inline: boolean;
  content: Buffer;
}

export interface PartBudget {
  /** Attachments whose content we keep; past it parts are counted and drained. */
  keep: number;
  seen: number;
}

export interface ParsedParts {
  headers: Headers;
  headerLines: HeaderLines;
  text: string;
  parts: RawPart[];
  broken: boolean;
}

function isAttachment(data: AttachmentStream | MessageText): data is AttachmentStream {
  return data.type === 'attachment';
}

export function parseParts(raw: Buffer, budget: PartBudget): Promise<ParsedParts> {
  return new Promise((resolve) => {
    const result: ParsedParts = { headers: new Map(), headerLines: [], text: '', parts: [], broken: false };
    let settled = false;
    const settle = () => {
      if (settled) return;
      settled = true;
      resolve(result);
    };

    let parser: MailParser;
    try {
      // Converting a huge hostile HTML body to text costs seconds of CPU; past this mailparser drops it.
      parser = new MailParser({ skipTextToHtml: true, skipImageLinks: true, maxHtmlLengthToParse: MAX_TEXT_CHARS });
    } catch {
      result.broken = true;
      settle();
      return;
    }
    parser.on('headers', (headers: Headers) => {
      result.headers = headers;
    });
    parser.on('headerLines', (lines: HeaderLines) => {
      result.headerLines = lines;
    });
    parser.on('data', (data: AttachmentStream | MessageText) => {
      if (!isAttachment(data)) {
        result.text = typeof data.text === 'string' ? data.text : '';
        return;
      }
      budget.seen += 1;
      const keep = budget.seen <= budget.keep;
      const chunks: Buffer[] = [];
      data.content.on('data', (chunk: Buffer) => {
        if (keep) chunks.push(chunk);
      });
      data.content.on('end', () => {
        if (keep) {
          result.parts.push({
            filename: data.filename,
            contentType: data.contentType || 'application/octet-stream',
            inline: data.contentDisposition === 'inline',
            content: Buffer.concat(chunks),
          });
        }
        data.release();
      });
    });
    parser.on('error', () => {
      result.broken = true;
    });
    parser.on('end', settle);
    parser.on('close', settle);
    parser.end(raw);
  });
}
