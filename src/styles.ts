import { css, unsafeCSS } from 'lit';
import { CONTAINER_ATTRIBUTE } from './container.js';

/**
 * The element's shadow styles: the host reserves the space Tencent's captcha needs (or none, for mobile
 * and popup), the light-DOM box gets its initial size, and the loading and error panels cover the box
 * at its own size, so that nothing on the page moves when the state changes.
 */
export const styles = css`
  :host {
    display: block;
    box-sizing: border-box;
    min-width: max(362px, var(--t-captcha-min-width, 362px));
    /* The box's height too, so that an element without its box yet (waiting, loading) moves nothing when it gets one. */
    min-height: max(40px, var(--t-captcha-min-height, 40px), var(--t-captcha-height, 54px));
  }
  /* Full screen or popup: no layout space, but still a box, so that form validation can focus it. */
  :host([client-type='mobile']:not([app-id])),
  :host([app-id]:not([type='embed'])) {
    min-width: 0;
    min-height: 0;
    height: 0;
  }
  :host([hidden]) {
    display: none;
  }
  :host([app-id]) {
    min-height: 0;
  }
  ::slotted([${unsafeCSS(CONTAINER_ATTRIBUTE)}]) {
    width: var(--t-captcha-width, 230px);
    height: var(--t-captcha-height, 54px);
  }
  /* The embedded captcha's box: reserved from the start, so that its frame arriving moves nothing. */
  :host([app-id]) ::slotted([${unsafeCSS(CONTAINER_ATTRIBUTE)}]) {
    width: var(--t-captcha-width, 300px);
    height: var(--t-captcha-height, 230px);
  }
  :host(:disabled) [part='box'] {
    opacity: 0.5;
  }
  [part='box'] {
    position: relative;
  }
  /* Drawn over the reserved box, the same size: nothing moves when the state changes. */
  .panel {
    position: absolute;
    inset: 0 auto auto 0;
    box-sizing: border-box;
    width: var(--t-captcha-width, 230px);
    height: var(--t-captcha-height, 54px);
    display: flex;
    align-items: center;
    gap: 8px;
    padding: 0 10px;
    overflow: hidden;
    border: 1px solid #dcdfe6;
    border-radius: 4px;
    background: #f7f8fa;
    color: #4e5969;
    font: 13px/1.3 system-ui, sans-serif;
  }
  :host([app-id]) .panel {
    width: var(--t-captcha-width, 300px);
    height: var(--t-captcha-height, 230px);
  }
  [part='loading'] {
    justify-content: center;
  }
  .spinner {
    width: 18px;
    height: 18px;
    border: 2px solid #c9cdd4;
    border-top-color: #1f6feb;
    border-radius: 50%;
    animation: spin 0.9s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
      border-color: #1f6feb;
    }
  }
  [part='error'] {
    justify-content: space-between;
    font-size: 12px;
    border-color: #f5c2c0;
    background: #fff7f7;
    color: #a8071a;
  }
  /* At most two lines in the box, whatever the language. */
  .message {
    display: -webkit-box;
    -webkit-line-clamp: 2;
    -webkit-box-orient: vertical;
    overflow: hidden;
  }
  [part='retry'] {
    flex: none;
    font: inherit;
    padding: 4px 10px;
    border: 1px solid currentColor;
    border-radius: 4px;
    background: #fff;
    color: inherit;
    cursor: pointer;
  }
  [part='status'] {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
