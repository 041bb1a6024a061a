import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { AppError } from '../../src/domain/app-error.ts';

describe('loadConfig', () => {
  it('issue #14 settings: the public address, the desk\'s alerts, the payer account (all or none)', () => {
    expect(loadConfig({}).publicUrl).toBe('http://localhost:3000');
    expect(loadConfig({ PUBLIC_URL: 'https://returns.shop.example/' }).publicUrl).toBe('https://returns.shop.example');
    expect(loadConfig({}).desk).toBeUndefined();
    expect(loadConfig({ DESK_EMAIL: 'desk@shop.example' }).desk).toEqual({ email: 'desk@shop.example', language: 'ru', digestHour: 9, reviewLeadHours: 4 });
    expect(() => loadConfig({ MAIL_FROM: 'info@shop.example', DESK_EMAIL: 'INFO@shop.example' })).toThrow(/DESK_EMAIL: must not be MAIL_FROM/);
    expect(loadConfig({}).payer).toBeUndefined();
    const payer = { PAYER_NAME: 'ООО «Ромашка»', PAYER_INN: '7707083893', PAYER_ACCOUNT: '40702810938000000001', PAYER_BIK: '044525225', PAYER_CORR_ACCOUNT: '30101810400000000225', PAYER_BANK: 'ПАО Сбербанк' };
    expect(loadConfig(payer).payer).toMatchObject({ name: 'ООО «Ромашка»', bik: '044525225' });
    expect(() => loadConfig({ ...payer, PAYER_BIK: undefined, PAYER_ACCOUNT: '123' })).toThrow(/PAYER_ACCOUNT: 20 digits[\s\S]*PAYER_BIK/);
  });

  it('runs on embedded defaults with no variables at all', () => {
    const config = loadConfig({});
    expect(config.databaseUrl).toBe(`file:${path.resolve('data/intake.db')}`);
    expect(config.maildir).toBe(path.resolve('data/Maildir'));
    expect(config.outboxDir).toBe(path.resolve('data/outbox'));
    expect(config.imapUrl).toBeUndefined();
    expect(config.smtpUrl).toBeUndefined();
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('takes the bare address and the Message-ID domain from MAIL_FROM', () => {
    const config = loadConfig({ MAIL_FROM: 'Возвраты <info@shop.example>' });
    expect(config.mailFromAddress).toBe('info@shop.example');
    expect(config.mailDomain).toBe('shop.example');
    expect(loadConfig({ MAIL_FROM: 'returns@shop.example' }).mailFromAddress).toBe('returns@shop.example');
  });

  it('the shop time zone: Europe/Moscow by default, any IANA zone, a typo refused', () => {
    expect(loadConfig({}).shopTimeZone).toBe('Europe/Moscow');
    expect(loadConfig({ SHOP_TIMEZONE: 'Asia/Yekaterinburg' }).shopTimeZone).toBe('Asia/Yekaterinburg');
    expect(() => loadConfig({ SHOP_TIMEZONE: 'Europe/Moskva' })).toThrow(/SHOP_TIMEZONE: an IANA time zone/);
  });

  it('knows our own addresses, MAIL_FROM and MAILBOX_ADDRESS, lower-cased', () => {
    expect(loadConfig({ MAIL_FROM: 'Desk <Info@Shop.example>', MAILBOX_ADDRESS: 'inbox@shop.example' }).ownAddresses).toEqual(['info@shop.example', 'inbox@shop.example']);
    expect(loadConfig({}).ownAddresses).toEqual(['info@returns-intake.local']);
  });

  it('treats an empty URL variable as unset', () => {
    expect(loadConfig({ IMAP_URL: '', SMTP_URL: ' ' }).imapUrl).toBeUndefined();
  });

  it('lists every bad key at once', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', SMTP_URL: 'not a url' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('config_invalid');
    for (const key of ['PORT', 'DATABASE_URL', 'SMTP_URL']) expect((error as AppError).message).toContain(key);
  });
});
