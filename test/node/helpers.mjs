/**
 * Plays the browser against the emulator: fetches a script URL, reads this page view's puzzle from
 * it, and answers as a user who dragged the piece `offset` pixels away from the gap would.
 * Resolves with the emulator's answer: `{ ret: 0, ticket, randstr }` or `{ ret: 'retry' }`.
 */
export async function solveChallenge(scriptUrl, { offset = 0 } = {}) {
  const source = await (await fetch(scriptUrl)).text();
  const config = JSON.parse(source.slice(source.lastIndexOf('})(') + 3, source.lastIndexOf(');')));
  const answer = await fetch(config.verifyUrl, { method: 'POST', body: JSON.stringify({ token: config.token, x: config.gapX + offset }) });
  return answer.json();
}
