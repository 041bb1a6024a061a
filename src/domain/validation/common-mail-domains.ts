// Mail services most customers of a Russian shop write from. An OCR'd address whose "@" was read as a letter
// ("svetlana93agmail.com") is recognised by ending in one of these; any other domain needs its "@".
export const COMMON_MAIL_DOMAINS = [
  'gmail.com',
  'mail.ru',
  'yandex.ru',
  'yandex.com',
  'ya.ru',
  'inbox.ru',
  'list.ru',
  'bk.ru',
  'internet.ru',
  'rambler.ru',
  'icloud.com',
  'me.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'yahoo.com',
  'proton.me',
  'protonmail.com',
];
