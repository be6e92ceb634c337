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

/** Runs the CLI to its end: exit code, stdout, stderr. */
async function run(args) {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  child.stderr.on('data', (chunk) => (err += chunk));
  const [code] = await once(child, 'exit');
  return { code, out, err };
}

test('--help and -h print the usage and exit 0', async () => {
  for (const flag of ['--help', '-h']) {
    const { code, out, err } = await run([flag]);
    assert.equal(code, 0);
    assert.match(out, /^Usage: t-captcha-emulator/);
    assert.equal(err, '');
  }
});

test('a bad option or port: one clear line, no stack, exit 1', async () => {
  for (const args of [['--bogus'], ['--port', 'eighty'], ['--port', '70000'], ['--port']]) {
    const { code, err } = await run(args);
    assert.equal(code, 1, args.join(' '));
    assert.equal(err.trim().split('\n').length, 1, err);
    assert.match(err, /^t-captcha-emulator: /);
    assert.doesNotMatch(err, /\bat \S+:\d+/);
  }
});

test('a busy port: one clear line naming it, exit 1', async () => {
  const { createServer } = await import('node:net');
  const busy = createServer();
  await new Promise((resolve) => busy.listen(0, '127.0.0.1', resolve));
  try {
    const { code, err } = await run(['--port', String(busy.address().port)]);
    assert.equal(code, 1);
    assert.match(err, /already in use/);
    assert.equal(err.trim().split('\n').length, 1);
  } finally {
    busy.close();
  }
});
