// The `t-captcha-emulator` bin starts the service, prints its endpoint and the test credentials.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../dist/emulator/cli.js', import.meta.url));

test('t-captcha-emulator --port 0 serves the API and stops on SIGTERM', async () => {
  const child = spawn(process.execPath, [CLI, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    let output = '';
    child.stdout.setEncoding('utf8');
    // The endpoint line, then one line per test credential; the last is alwaysFail.
    while (!/alwaysFail.*\n/.test(output)) {
      const [chunk] = await once(child.stdout, 'data');
      output += chunk;
    }
    const endpoint = /API endpoint (\S+)/.exec(output)[1];
    assert.match(output, /AKIDtcaptchaEmulatorDemo/);
    const answer = await (await fetch(endpoint)).json();
    assert.equal(answer.code, 4000);
  } finally {
    child.kill('SIGTERM');
  }
  const [code] = await once(child, 'exit');
  assert.equal(code, 0);
});

test('t-captcha-emulator refuses a bad port with exit code 2', async () => {
  const child = spawn(process.execPath, [CLI, '--port', 'eighty'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  child.stderr.on('data', (chunk) => (errors += chunk));
  const [code] = await once(child, 'exit');
  assert.equal(code, 2);
  assert.match(errors, /--port must be a port number/);
});
