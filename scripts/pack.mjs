// Packs t-captcha as npm does for a user: from a fresh clone of the committed tree, so that a tarball
// never depends on a dist/ left over in a working copy. `prepack` builds it.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(new URL('..', import.meta.url).pathname);

/**
 * What a fresh clone would hold once the current changes are committed (the files git tracks or would
 * track, never ignored ones such as dist/), in a temporary directory that borrows this checkout's
 * node_modules. Returns its path and a cleanup.
 */
export function freshClone() {
  const dir = mkdtempSync(join(tmpdir(), 't-captcha-clone-'));
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: ROOT, encoding: 'utf8' })
    .split('\0')
    .filter((file) => file && existsSync(join(ROOT, file)));
  for (const file of files) {
    cpSync(join(ROOT, file), join(dir, file), { recursive: false, force: true, dereference: false, errorOnExist: false });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * `npm pack --json` in `cwd` (prepack builds first). With `destination`, writes the tarball there;
 * with `dryRun`, only lists it. Returns npm's description: filename, files, entryCount, size.
 */
export function pack(cwd, { destination, dryRun = false } = {}) {
  const args = ['pack', '--json', ...(dryRun ? ['--dry-run'] : []), ...(destination ? ['--pack-destination', destination] : [])];
  const output = execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  // npm prints the lifecycle scripts' output before the JSON.
  return JSON.parse(output.slice(output.indexOf('[')))[0];
}

/** Every path package.json promises: exports, main, types, bin, customElements. */
export function promisedPaths(pkg) {
  const paths = [pkg.main, pkg.types, pkg.customElements, ...Object.values(pkg.bin ?? {})];
  for (const value of Object.values(pkg.exports)) paths.push(...(typeof value === 'string' ? [value] : Object.values(value)));
  return [...new Set(paths.filter(Boolean).map((path) => path.replace(/^\.\//, '')))];
}
