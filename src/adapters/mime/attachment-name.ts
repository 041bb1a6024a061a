// File names of attachments: what the sender gave, made safe to show and store, or a generated one.

const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/jpg': 'jpg',
  'image/png': 'png',
  'image/heic': 'heic',
  'image/heif': 'heif',
  'image/tiff': 'tif',
  'image/webp': 'webp',
  'text/plain': 'txt',
  'text/html': 'html',
  'message/rfc822': 'eml',
  'text/rfc822-headers': 'txt',
};

/** `../../etc/passwd` or a name full of control characters must not reach a file system or a log as is. */
function sanitise(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  return base
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim()
    .slice(0, 255);
}

export function attachmentName(filename: string | undefined, contentType: string, index: number): string {
  const clean = filename ? sanitise(filename) : '';
  if (clean && clean !== '.' && clean !== '..') return clean;
  return `attachment-${index}.${EXTENSIONS[contentType.toLowerCase()] ?? 'bin'}`;
}
