import { esbuildPlugin } from '@web/dev-server-esbuild';

export default {
  rootDir: new URL('..', import.meta.url).pathname,
  middleware: [(ctx, next) => (ctx.path === '/' ? ctx.redirect('/demo/index.html') : next())],
  open: false,
  nodeResolve: true,
  plugins: [esbuildPlugin({ ts: true, target: 'es2022' })],
};
