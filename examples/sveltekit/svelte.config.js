import adapter from '@sveltejs/adapter-static';

// Server-rendered: SvelteKit renders every page in Node at build time (prerender) and hydrates it in the
// browser; the built site is plain files in dist/.
export default { kit: { adapter: adapter({ pages: 'dist', assets: 'dist' }) } };
