// Loads the demo hearing into a fresh database, starts the release server on it, and
// records the respondent links for the tests.
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { STATE_FILE, SAMRAD, DATABASE, PORT, type E2eState } from './tests/support';

async function waitUntilUp(url: string) {
  const until = Date.now() + 30_000;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not come up at ${url}`);
}

export default async function globalSetup() {
  fs.mkdirSync(path.dirname(DATABASE), { recursive: true });
  const base = `http://127.0.0.1:${PORT}`;
  const out = execFileSync(SAMRAD, ['--database', DATABASE, 'demo', '--reset', '--base-url', base], { encoding: 'utf8' });
  const consultation = Number(/Demo hearing (\d+)/.exec(out)?.[1]);
  const bodies = [...out.matchAll(/\/svar\/([A-Za-z0-9_-]+)\s+\[([^;]+); ([^\]]+)\]\s+(.*)/g)].map((m) => ({
    token: m[1],
    group: m[2],
    submitted: m[3] === 'indsendt',
    name: m[4].trim(),
  }));
  const survey = Number(/Demo survey (\d+)/.exec(out)?.[1]);
  const surveyTokens = [...out.matchAll(/\/svar\/([A-Za-z0-9_-]+)\s+\(/g)].map((m) => m[1]);
  if (!consultation || bodies.length !== 15) throw new Error(`unexpected demo output:\n${out}`);
  const parentSurvey = Number(/Demo parent survey (\d+)/.exec(out)?.[1]);
  const openLinks = [...out.matchAll(/\/u\/([a-z0-9]+)\s+</g)].map((m) => m[1]);
  if (!survey || !parentSurvey || surveyTokens.length !== 3 || openLinks.length !== 4) {
    throw new Error(`unexpected demo survey output:\n${out}`);
  }

  const server = spawn(SAMRAD, ['--database', DATABASE, 'serve', '--addr', `127.0.0.1:${PORT}`, '--site-root', path.resolve(__dirname, '../target/site')], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, RUST_LOG: 'warn', SAMRAD_MAIL_FOLDER: path.resolve(__dirname, 'test-results/mail') },
    detached: true,
  });
  server.unref();
  await waitUntilUp(`${base}/healthz`);
  const state: E2eState = { pid: server.pid!, consultation, bodies, survey, surveyTokens, parentSurvey, openLinks };
  fs.writeFileSync(STATE_FILE, JSON.stringify(state, null, 2));
}
