// Rendered on the server (at build time) and hydrated in the browser.
export const prerender = true;
export const ssr = true;
