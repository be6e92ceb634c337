/** Marks the light-DOM box the vendor renders into (see the README: why light DOM). */
export const CONTAINER_ATTRIBUTE = 'data-t-captcha-container';
