// Subjects of replies keep the customer's thread: `Re: <their subject> [<return number>]`, never
// `Re: Re:`, and the return number only once however many times the thread goes back and forth.

/** Reply prefixes of common clients: Re, RE, Aw (de), Sv (sv/da/no), Ответ/Отв (ru Outlook), Re[2]. */
const REPLY_PREFIX = /^\s*((re|aw|sv|antw|ответ|отв)(\s*\[\d+\]|\s*\(\d+\))?\s*:\s*)+/iu;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function replySubject(originalSubject: string, fallback: string, returnNumber?: string): string {
  let base = originalSubject.replace(/\s+/g, ' ').trim().replace(REPLY_PREFIX, '').trim();
  if (returnNumber) base = base.replace(new RegExp(`\\s*\\[${escapeRegExp(returnNumber)}\\]`, 'gi'), '').trim();
  const tag = returnNumber ? ` [${returnNumber}]` : '';
  if (!base) return `${fallback.replace(/\s+/g, ' ').trim()}${tag}`;
  return `Re: ${base}${tag}`;
}
