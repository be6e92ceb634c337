// Server-rendered: Nuxt renders the page in Node at build time (nuxt generate) and hydrates it in the
// browser. <t-captcha> is a custom element, not a Vue component: tell Vue's compiler.
export default defineNuxtConfig({
  ssr: true,
  devtools: { enabled: false },
  telemetry: false,
  vue: { compilerOptions: { isCustomElement: (tag: string) => tag === 't-captcha' } },
  compatibilityDate: '2026-11-01',
});
