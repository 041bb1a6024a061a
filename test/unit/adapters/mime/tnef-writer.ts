// Writes minimal TNEF streams (MS-OXTNEF) the way Outlook frames them, for fixtures and hostile-input tests: no
// npm package writes TNEF. Reading them back is the decoder's (node-tnef's) job, never this file's.

const SIGNATURE = 0x223e9f78;
const LVL_MESSAGE = 0x01;
const LVL_ATTACHMENT = 0x02;
// Attribute ids: the high word is the type (atpByte 6, atpString 1, atpDword 8, atpWord 3), the low word the name.
const ATT_TNEF_VERSION = 0x00089006;
const ATT_OEM_CODEPAGE = 0x00069007;
const ATT_MESSAGE_CLASS = 0x00078008;
const ATT_SUBJECT = 0x00018004;
const ATT_ATTACH_REND_DATA = 0x00069002;
const ATT_ATTACH_TITLE = 0x00018010;
const ATT_ATTACH_DATA = 0x0006800f;

function attribute(level: number, id: number, data: Buffer): Buffer {
  const head = Buffer.alloc(9);
  head.writeUInt8(level, 0);
  head.writeUInt32LE(id, 1);
  head.writeUInt32LE(data.length, 5);
  let sum = 0;
  for (const byte of data) sum = (sum + byte) & 0xffff;
  const checksum = Buffer.alloc(2);
  checksum.writeUInt16LE(sum, 0);
  return Buffer.concat([head, data, checksum]);
}

const cString = (text: string) => Buffer.from(`${text}\0`, 'latin1');

export function writeTnef(message: { subject?: string; files: Array<{ name: string; content: Buffer }> }): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt32LE(SIGNATURE, 0);
  header.writeUInt16LE(0x5a3c, 4); // legacy key; any value
  const version = Buffer.alloc(4);
  version.writeUInt32LE(0x00010000, 0);
  const codepage = Buffer.alloc(8);
  codepage.writeUInt32LE(1252, 0);
  const parts = [
    header,
    attribute(LVL_MESSAGE, ATT_TNEF_VERSION, version),
    attribute(LVL_MESSAGE, ATT_OEM_CODEPAGE, codepage),
    attribute(LVL_MESSAGE, ATT_MESSAGE_CLASS, cString('IPM.Microsoft Mail.Note')),
    ...(message.subject ? [attribute(LVL_MESSAGE, ATT_SUBJECT, cString(message.subject))] : []),
  ];
  for (const file of message.files) {
    const rend = Buffer.alloc(14);
    rend.writeUInt16LE(1, 0); // atyp: file
    rend.writeInt32LE(-1, 2); // position: not rendered in the body
    parts.push(
      attribute(LVL_ATTACHMENT, ATT_ATTACH_REND_DATA, rend),
      attribute(LVL_ATTACHMENT, ATT_ATTACH_TITLE, cString(file.name)),
      attribute(LVL_ATTACHMENT, ATT_ATTACH_DATA, file.content),
    );
  }
  return Buffer.concat(parts);
}

/** An Outlook-style message: a short text body and the TNEF stream as winmail.dat. */
export function outlookMail(tnef: Buffer, options: { messageId: string; subject: string }): Buffer {
  const body = tnef.toString('base64').replace(/.{76}/g, '$&\r\n');
  return Buffer.from(
    [
      'From: "Petrov, Ivan" <ivan.petrov@example.ru>',
      'To: info@shop.example',
      `Subject: ${options.subject}`,
      'Date: Mon, 03 Mar 2025 10:15:00 +0300',
      `Message-ID: ${options.messageId}`,
      'MIME-Version: 1.0',
      'X-Mailer: Microsoft Outlook 16.0',
      'Content-Type: multipart/mixed; boundary="----=_NextPart_000_0012_01DB8C2A.5F3E8A10"',
      '',
      '------=_NextPart_000_0012_01DB8C2A.5F3E8A10',
      'Content-Type: text/plain; charset="us-ascii"',
      'Content-Transfer-Encoding: 7bit',
      '',
      'Please find my return application attached.',
      '',
      '------=_NextPart_000_0012_01DB8C2A.5F3E8A10',
      'Content-Type: application/ms-tnef; name="winmail.dat"',
      'Content-Transfer-Encoding: base64',
      'Content-Disposition: attachment; filename="winmail.dat"',
      '',
      body,
      '',
      '------=_NextPart_000_0012_01DB8C2A.5F3E8A10--',
      '',
    ].join('\r\n'),
  );
}
