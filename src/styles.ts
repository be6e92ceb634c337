import { css } from 'lit';

/**
 * The element's shadow styles: the host reserves the space Tencent's captcha needs (or none, for mobile
 * and popup), the light-DOM box gets its initial size, and the loading and error panels cover the box
 * at its own size, so that nothing on the page moves when the state changes.
 *
 * Written for size (they ship in every page): `--_w`/`--_h` hold the box's size once, for the box
 * and the panels; pc's default is 230×54, the embedded captcha's 300×230. The panels are plain: the
 * page styles them through `::part(loading)`, `::part(error)` and `::part(retry)`.
 */
export const styles = css`
  :host {
    --_w: var(--t-captcha-width, 230px);
    --_h: var(--t-captcha-height, 54px);
    display: block;
    min-width: max(362px, var(--t-captcha-min-width, 0px));
    /* The box's height too, so that an element without its box yet (waiting, loading) moves nothing when it gets one. */
    min-height: max(40px, var(--t-captcha-min-height, 0px), var(--_h));
  }
  /* The embedded captcha's box: reserved from the start (by the box itself), so that its frame arriving moves nothing. */
  :host([app-id]) {
    --_w: var(--t-captcha-width, 300px);
    --_h: var(--t-captcha-height, 230px);
    min-height: 0;
  }
  /* Full screen or popup: no layout space, but still a box, so that form validation can focus it. */
  :host([client-type='mobile']:not([app-id])),
  :host([app-id]:not([type='embed'])) {
    min-width: 0;
    min-height: 0;
    height: 0;
  }
  /* International 3.0 draws its checkbox in the box, popup or not: reserved at the checkbox's size. */
  :host([app-id]:state(checkbox)) {
    --_w: var(--t-captcha-width, 300px);
    --_h: var(--t-captcha-height, 78px);
    height: auto;
  }
  :host([hidden]) {
    display: none;
  }
  :host(:disabled) [part='box'] {
    opacity: 0.5;
  }
  [part='box'] {
    position: relative;
  }
  /* The vendor's box (the only element in the box's own slot), and the panels drawn over it at its size. */
  [part='box'] > slot::slotted(*),
  .panel {
    width: var(--_w);
    height: var(--_h);
  }
  /* Once the current API's captcha is on screen, its box takes the captcha's own size. */
  :host(:state(fit)) [part='box'] > slot::slotted(*) {
    width: fit-content;
    height: auto;
  }
  /* Drawn over the reserved box at its inline start: nothing moves when the state changes. */
  .panel {
    position: absolute;
    top: 0;
    box-sizing: border-box;
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 8px;
    padding: 0 10px;
    border: 1px solid #ddd;
    border-radius: 4px;
    background: #f5f5f5;
    font: 12px system-ui, sans-serif;
  }
  /* While loading, the box breathes (its background only: the words keep their contrast); it stands still for those who ask for less motion. */
  @media (prefers-reduced-motion: no-preference) {
    [part='loading'] {
      animation: pulse 1s infinite alternate;
    }
  }
  @keyframes pulse {
    to {
      background: #e4e4e4;
    }
  }
  [part='error'] {
    color: #a11;
  }
  [part='retry'] {
    flex: none;
    font: inherit;
  }
  [part='status'] {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
