/**
 * Plays the browser against the emulator: fetches a script URL, reads this page view's puzzle from
 * it, and answers as a user who dragged the piece `offset` pixels away from the gap would.
 * Resolves with the emulator's answer: `{ ret: 0, ticket, randstr }` or `{ ret: 'retry' }`.
 */
export async function solveChallenge(scriptUrl, { offset = 0 } = {}) {
  const config = await puzzleOf(scriptUrl);
  return answerPuzzle(config, config.gapX + offset);
}

/** The puzzle a script URL carries: `{ token, gapX, gapY, verifyUrl, … }` (the script is single use). */
export async function puzzleOf(scriptUrl) {
  const source = await (await fetch(scriptUrl)).text();
  return JSON.parse(source.slice(source.lastIndexOf('})(') + 3, source.lastIndexOf(');')));
}

/** Sends one answer (the piece dropped at `x`) for a puzzle. */
export async function answerPuzzle(config, x) {
  const answer = await fetch(config.verifyUrl, { method: 'POST', body: JSON.stringify({ token: config.token, x }) });
  return answer.json();
}
