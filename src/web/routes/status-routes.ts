// The customers' status page (issue #14), public: the return number and the e-mail address the application came
// from show where the return stands. A wrong pair, an unknown number and a malformed one get the same answer, and
// the form is rate limited per address, so the page cannot be used to find out which numbers or addresses exist.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { parseReturnNumber } from '../../domain/return-number.ts';
import type { Language } from '../../domain/reply.ts';
import type { AppContext } from '../build-app.ts';
import { customerStatus } from '../view-models/customer-status.ts';

/** Lookups per address per minute: a person mistypes a few times; a script guessing numbers gets nowhere. */
export const STATUS_LOOKUPS_PER_MINUTE = 10;

const LangSchema = z.enum(['ru', 'en']).catch('ru');
const LookupSchema = z.object({
  number: z.string().trim().max(40).default(''),
  email: z.string().trim().max(254).default(''),
  lang: LangSchema.default('ru'),
});

const TEXT = {
  ru: {
    title: 'Где мой возврат',
    intro: 'Введите номер возврата из нашего письма и адрес почты, с которого вы отправили заявление.',
    number: 'Номер возврата',
    email: 'Ваш e-mail',
    submit: 'Показать',
    notFound: 'Не нашли возврат с таким номером и адресом почты. Проверьте оба: адрес должен быть тем, с которого пришло заявление.',
    other: 'English',
    next: 'Что дальше',
  },
  en: {
    title: 'Where is my return',
    intro: 'Enter the return number from our e-mail and the e-mail address you sent the application from.',
    number: 'Return number',
    email: 'Your e-mail',
    submit: 'Show',
    notFound: 'We found no return with this number and e-mail address. Check both: the address must be the one the application came from.',
    other: 'Русский',
    next: 'What happens next',
  },
} as const;

/** A number as the customer may type it; ours are checked by their check symbol, anything else is looked up as typed. */
function canonicalNumber(input: string): string | null {
  const parsed = parseReturnNumber(input);
  if (parsed) return parsed;
  const upper = input.toUpperCase();
  return /^[A-Z0-9-]{1,40}$/.test(upper) ? upper : null;
}

export function statusRoutes({ deps, views }: AppContext) {
  function page(request: FastifyRequest, reply: FastifyReply, language: Language, extra: object) {
    reply.type('text/html; charset=utf-8');
    return views.status({
      t: TEXT[language],
      lang: language,
      otherLang: language === 'ru' ? 'en' : 'ru',
      csrf: reply.generateCsrf({ userInfo: request.sessionHash ?? 'anonymous' }),
      ...extra,
    });
  }

  return async (app: FastifyInstance) => {
    app.get('/status', { config: { public: true } }, async (request, reply) => {
      const query = LookupSchema.safeParse(request.query);
      const lookup = query.success ? query.data : LookupSchema.parse({});
      // Only the number is taken from the link in our replies; the address is never put in a URL (or a log).
      return page(request, reply, lookup.lang, { number: lookup.number });
    });

    app.post(
      '/status',
      { config: { public: true, rateLimit: { max: deps.statusRateLimit ?? STATUS_LOOKUPS_PER_MINUTE, timeWindow: '1 minute' } } },
      async (request, reply) => {
        const form = LookupSchema.parse(request.body ?? {});
        const number = canonicalNumber(form.number);
        // Always one lookup, whatever was typed, so a malformed number answers no faster than a wrong address.
        const ref = await deps.review.updates.getReturnRef(number ?? '-');
        const matches = ref !== null && ref.customerEmail !== null && form.email !== '' && ref.customerEmail.toLowerCase() === form.email.toLowerCase();
        if (!matches) return page(request, reply, form.lang, { number: form.number, email: form.email, notFound: true });
        return page(request, reply, form.lang, { number: ref.returnNumber, email: form.email, status: customerStatus(ref, form.lang, deps.review.timeZone) });
      },
    );
  };
}
