import { esbuildPlugin } from '@web/dev-server-esbuild';

export default {
  rootDir: new URL('..', import.meta.url).pathname,
  appIndex: 'demo/index.html',
  open: false,
  nodeResolve: true,
  plugins: [esbuildPlugin({ ts: true, target: 'es2022' })],
};
