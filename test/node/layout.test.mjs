// The layout tells the architecture: no import cycles among the source modules (static imports,
// type-only ones included, and import() alike), and the on-demand TencentCaptcha adapter imports only
// types, so that it ships as a file of its own.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { test } from 'node:test';

const SRC = new URL('../../src/', import.meta.url).pathname;
const files = readdirSync(SRC, { recursive: true }).filter((file) => file.endsWith('.ts')).map((file) => join(SRC, file));
const IMPORT = /(?:^|\n)\s*(import|export)\s+(type\s+)?[^'"]*?from\s+'(\.[^']+)'|import\(\s*'(\.[^']+)'\s*\)/g;

/** file → [{ target, typeOnly }] for its relative imports. */
function importsOf(file) {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(IMPORT)].map((match) => ({
    target: normalize(join(dirname(file), (match[3] ?? match[4]).replace(/\.js$/, '.ts'))),
    typeOnly: Boolean(match[2]),
  }));
}

test('no import cycles among src/ modules', () => {
  const graph = new Map(files.map((file) => [file, importsOf(file).map((edge) => edge.target)]));
  const cycles = [];
  const state = new Map();
  const visit = (file, path) => {
    if (state.get(file) === 'done') return;
    if (state.get(file) === 'open') return void cycles.push([...path.slice(path.indexOf(file)), file].map((f) => relative(SRC, f)).join(' → '));
    state.set(file, 'open');
    for (const next of graph.get(file) ?? []) visit(next, [...path, file]);
    state.set(file, 'done');
  };
  for (const file of files) visit(file, []);
  assert.deepEqual(cycles, []);
});

test('the modules loaded on demand (adapters, prepare, execute) import from the element only types and pure modules', () => {
  // What they may import at run time: modules that themselves import nothing at run time.
  const pure = /(vendors\/(current|global|helpers)|loader|config)\.ts$/;
  for (const name of ['vendors/legacy.ts', 'vendors/tencent.ts', 'vendors/current.ts', 'vendors/global.ts', 'vendors/families.ts', 'vendors/helpers.ts', 'loader.ts', 'config.ts', 'prepare.ts', 'controllers/execution.ts']) {
    const runtime = importsOf(join(SRC, name)).filter((edge) => !edge.typeOnly && !pure.test(edge.target));
    assert.deepEqual(runtime.map((edge) => relative(SRC, edge.target)), [], name);
  }
});
