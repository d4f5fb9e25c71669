import * as fs from 'node:fs';
import { STATE_FILE, type E2eState } from './tests/support';

export default async function globalTeardown() {
  if (!fs.existsSync(STATE_FILE)) return;
  const state: E2eState = JSON.parse(fs.readFileSync(STATE_FILE, 'utf8'));
  try {
    process.kill(state.pid, 'SIGTERM');
  } catch {
    // already gone
  }
}
