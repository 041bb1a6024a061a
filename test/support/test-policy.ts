// The policy the tests run with: the default preset plus a shop address (the preset's placeholder is refused).
import path from 'node:path';
import { loadPolicy } from '../../src/adapters/policy/load-policy.ts';

export const TEST_POLICY_FILE = path.join(import.meta.dirname, 'test-policy.yaml');

export function testPolicy() {
  return loadPolicy(TEST_POLICY_FILE);
}
