// A tiny browser for app.inject: keeps cookies, reads the CSRF token from the page it was given, posts forms.
import type { FastifyInstance } from 'fastify';
import { cookieHeader, mergeCookies, PASSWORD } from './web-app.ts';

export interface Page {
  status: number;
  body: string;
  headers: Record<string, unknown>;
  location?: string;
}

let clients = 0;

export class WebClient {
  readonly jar = new Map<string, string>();
  /** Each client its own address, as different people are: the login rate limit counts per address. */
  readonly remoteAddress = `10.0.${Math.floor(++clients / 250)}.${clients % 250}`;
  constructor(private readonly app: FastifyInstance) {}

  async get(url: string, headers: Record<string, string> = {}): Promise<Page> {
    const res = await this.app.inject({ method: 'GET', url, remoteAddress: this.remoteAddress, headers: { accept: 'text/html', cookie: cookieHeader(this.jar), ...headers } });
    mergeCookies(this.jar, res.headers['set-cookie']);
    return { status: res.statusCode, body: res.body, headers: res.headers, ...(res.headers.location ? { location: String(res.headers.location) } : {}) };
  }

  async post(url: string, form: Record<string, string>, headers: Record<string, string> = {}): Promise<Page> {
    const res = await this.app.inject({
      method: 'POST',
      url,
      remoteAddress: this.remoteAddress,
      headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(this.jar), ...headers },
      payload: new URLSearchParams(form).toString(),
    });
    mergeCookies(this.jar, res.headers['set-cookie']);
    return { status: res.statusCode, body: res.body, headers: res.headers, ...(res.headers.location ? { location: String(res.headers.location) } : {}) };
  }

  /** Posts a form with the CSRF token of the page at `from`. */
  async submit(from: string, action: string, form: Record<string, string>): Promise<Page> {
    const page = await this.get(from);
    return this.post(action, { _csrf: csrfOf(page.body), ...form });
  }

  async login(email: string, password = PASSWORD): Promise<Page> {
    return this.submit('/login', '/login', { email, password });
  }
}

export function csrfOf(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('no CSRF token on the page');
  return match[1]!;
}
