/**
 * True in the development build, false in the production build (see scripts/build.mjs). Advice for the
 * page's developer (console warnings) ships only in the development build, as Lit's own does: bundlers
 * choose it in their dev server through the `development` export condition, and the CDN has
 * `t-captcha.dev.js` next to `t-captcha.min.js`. Errors (the `error` event) are the same in both.
 */
export const DEV: boolean = true;
