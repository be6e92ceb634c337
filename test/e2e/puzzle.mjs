// Plays the user of the emulator's puzzle in a Playwright page.

/** Solves the open puzzle (popup or full screen) with the keyboard, as a user of a screen reader would: Shift+arrows, arrows, Enter. */
export async function solveWithKeyboard(page) {
  const challenge = page.frameLocator('iframe.tcaptcha-emulator-challenge');
  const gapX = Number(await challenge.locator('canvas.tcaptcha-background').getAttribute('data-gap-x'));
  const handle = challenge.locator('.tcaptcha-handle');
  await handle.focus();
  for (let i = 0; i < Math.floor(gapX / 10); i++) await handle.press('Shift+ArrowRight');
  for (let i = 0; i < Math.floor((gapX % 10) / 2); i++) await handle.press('ArrowRight');
  await handle.press('Enter');
}
