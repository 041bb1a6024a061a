// Builds test e-mails: applications typed in the body (no OCR, so hundreds are cheap) and variants with the
// headers loop checks look at.
export function applicationMail(options: {
  n: number;
  from: string;
  headers?: Record<string, string>;
  date?: Date;
  messageId?: string;
  subject?: string;
  body?: string;
}): Buffer {
  const subject = options.subject ?? `Заявление на возврат ${options.n}`;
  const body =
    options.body ??
    [
      'Заявление на возврат товара',
      `Номер заказа: ${100000 + options.n}`,
      'Дата заказа: 01.11.2025',
      'ФИО: Петров Иван Сергеевич',
      `E-mail: ${options.from}`,
      'Причина возврата: не подошёл размер',
      'Прошу вернуть деньги на карту.',
    ].join('\r\n');
  const head = [
    `From: Customer ${options.n} <${options.from}>`,
    'To: info@shop.example',
    `Subject: =?UTF-8?B?${Buffer.from(subject).toString('base64')}?=`,
    `Message-ID: ${options.messageId ?? `<app-${options.n}@example.ru>`}`,
    `Date: ${(options.date ?? new Date()).toUTCString()}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    ...Object.entries(options.headers ?? {}).map(([k, v]) => `${k}: ${v}`),
  ];
  return Buffer.from(`${head.join('\r\n')}\r\n\r\n${body}\r\n`);
}

export async function waitUntil(check: () => Promise<boolean>, timeoutMs: number, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
