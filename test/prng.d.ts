/** mulberry32, seeded: numbers in [0, 1). See prng.js. */
export function prng(seed: number): () => number;
