// `intake parse FILE --json`, run as the command it is (bin/intake.js), on inputs over a limit.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_MESSAGE_BYTES } from '../../../src/domain/limits.ts';

const run = promisify(execFile);
const INTAKE = path.resolve(import.meta.dirname, '../../../bin/intake.js');

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'intake-parse-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function parse(file: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [INTAKE, 'parse', file, '--json'], { cwd: dir, maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('intake parse on a message over the size limit', () => {
  it('regression: an oversize .eml listed no problem; it names the limit with too_large, as the service does, and exits 1', async () => {
    const line = `${'Заявление на возврат товара, заказ 1001. '.repeat(2)}\r\n`;
    const body = line.repeat(Math.ceil((MAX_MESSAGE_BYTES + 1024) / Buffer.byteLength(line)));
    const raw = Buffer.from(
      ['From: Anna <anna@example.com>', 'To: info@returns-intake.local', 'Subject: Возврат', 'Message-ID: <huge@example.com>', 'Content-Type: text/plain; charset=utf-8', '', body].join('\r\n'),
    );
    expect(raw.length).toBeGreaterThan(MAX_MESSAGE_BYTES);
    const file = path.join(dir, 'huge.eml');
    await writeFile(file, raw);

    const { code, stdout, stderr } = await parse(file);
    expect(code).toBe(1);
    const result = JSON.parse(stdout.trim()) as { problems: Array<{ field: string; code: string; message: string }> };
    const tooLarge = result.problems.find((p) => p.code === 'too_large');
    expect(tooLarge).toMatchObject({ field: file });
    expect(tooLarge!.message).toContain(`${raw.length} bytes`);
    expect(tooLarge!.message).toContain(`${MAX_MESSAGE_BYTES}-byte limit`);
    expect(stderr).toContain(`${file}: too_large: The message is ${raw.length} bytes`);
  }, 120_000);
});
