// The CDN build's entry: one file with Lit inside; importing it registers <t-captcha>.
import './define.js';

export * from './index.js';
