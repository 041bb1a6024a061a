import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpOrders } from '../../../../src/adapters/orders/create-http-orders.ts';
import { createMemoryOrders } from '../../../../src/adapters/orders/create-memory-orders.ts';

const order = {
  orderNumber: 'A/1001 x',
  orderDate: '2025-03-01',
  lines: [{ sku: 'TS-3000', name: 'Футболка', quantity: 1, unitPrice: 300000 }],
};

// A real HTTP server rather than a fake fetch: exercises URL encoding, status codes and the timeout for real.
let server: Server;
let base: string;
const seen: string[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req.url ?? '');
    const number = decodeURIComponent((req.url ?? '').replace(/^\/api\/orders\//, ''));
    const reply = (status: number, body: string) => res.writeHead(status, { 'content-type': 'application/json' }).end(body);
    if (number === order.orderNumber) return reply(200, JSON.stringify(order));
    if (number === 'missing') return reply(404, '{}');
    if (number === 'boom') return reply(503, 'down');
    if (number === 'html') return reply(200, '<html>');
    if (number === 'invalid') return reply(200, JSON.stringify({ ...order, orderNumber: 'invalid', lines: [] }));
    if (number === 'other') return reply(200, JSON.stringify({ ...order, orderNumber: 'B-1' }));
    if (number === 'slow') return void setTimeout(() => reply(200, JSON.stringify(order)), 1_000);
    reply(500, '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe('createHttpOrders', () => {
  it('GETs the encoded order number and validates the order', async () => {
    const found = await createHttpOrders(base).find('A/1001 x');
    expect(found).toMatchObject({ orderNumber: 'A/1001 x', region: 'domestic', discounts: [], shippingPaid: 0 });
    expect(found?.lines[0]).toMatchObject({ madeToOrder: false });
    expect(seen).toContain('/api/orders/A%2F1001%20x');
  });

  it('404 → null', async () => {
    expect(await createHttpOrders(base).find('missing')).toBeNull();
  });

  it.each([
    ['a server error', 'boom', /HTTP 503/],
    ['a response that is not JSON', 'html', /not JSON/],
    ['an invalid order', 'invalid', /not a valid order: lines/],
    ['another order than asked for', 'other', /answered with order B-1/],
  ])('%s → transport_failed', async (_name, number, message) => {
    await expect(createHttpOrders(base).find(number)).rejects.toMatchObject({ code: 'transport_failed', message: expect.stringMatching(message) });
  });

  it('times out → transport_failed', async () => {
    await expect(createHttpOrders(base, globalThis.fetch, 100).find('slow')).rejects.toMatchObject({
      code: 'transport_failed',
      message: expect.stringContaining('no answer within 100 ms'),
    });
  });

  it('a refused connection → transport_failed', async () => {
    await expect(createHttpOrders('http://127.0.0.1:1').find('x')).rejects.toMatchObject({ code: 'transport_failed' });
  });

  it('uses the fetch it is given', async () => {
    const fetch = (async () => new Response(JSON.stringify(order), { status: 200 })) as typeof globalThis.fetch;
    expect(await createHttpOrders('http://shop.invalid', fetch).find('A/1001 x')).not.toBeNull();
  });
});

describe('createMemoryOrders', () => {
  it('finds by number, null otherwise', async () => {
    const orders = createMemoryOrders([{ ...order, region: 'domestic', discounts: [], shippingPaid: 0, lines: [{ ...order.lines[0]!, madeToOrder: false }] }]);
    expect((await orders.find('A/1001 x'))?.orderNumber).toBe('A/1001 x');
    expect(await orders.find('nope')).toBeNull();
  });
});
