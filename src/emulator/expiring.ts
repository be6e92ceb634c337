/**
 * Keys that expire, kept in time buckets: each call drops whole buckets that have passed, so the cost
 * per call stays constant however many keys were ever stored, and memory holds only what is still live.
 */
export class ExpiringMap<V> {
  readonly #bucketMs: number;
  /** Bucket index (expiry / bucketMs, rounded up) → key → [value, expiry]. Insertion order = age. */
  readonly #buckets = new Map<number, Map<string, [V, number]>>();

  constructor(bucketMs: number) {
    this.#bucketMs = Math.max(1, bucketMs);
  }

  /** Drops every bucket whose entries have all expired by `now` (bucket k holds expiries up to k × width). */
  sweep(now: number): void {
    for (const index of this.#buckets.keys()) {
      if (index * this.#bucketMs >= now) break;
      this.#buckets.delete(index);
    }
  }

  set(key: string, value: V, expires: number): void {
    this.delete(key);
    const index = Math.ceil(expires / this.#bucketMs);
    let bucket = this.#buckets.get(index);
    if (!bucket) {
      bucket = new Map();
      this.#buckets.set(index, bucket);
      this.#sortIfNeeded(index);
    }
    bucket.set(key, [value, expires]);
  }

  /** The value, while it has not expired at `now`. */
  get(key: string, now: number): V | undefined {
    for (const bucket of this.#buckets.values()) {
      const entry = bucket.get(key);
      if (entry) return entry[1] >= now ? entry[0] : undefined;
    }
    return undefined;
  }

  has(key: string, now: number): boolean {
    return this.get(key, now) !== undefined;
  }

  delete(key: string): void {
    for (const bucket of this.#buckets.values()) if (bucket.delete(key)) return;
  }

  /** Entries held, expired or not (until their bucket is swept). */
  get size(): number {
    let size = 0;
    for (const bucket of this.#buckets.values()) size += bucket.size;
    return size;
  }

  /** Keeps the buckets in expiry order, so that sweep() can stop at the first live one. */
  #sortIfNeeded(index: number): void {
    const indexes = [...this.#buckets.keys()];
    if (indexes.length < 2 || indexes[indexes.length - 2] < index) return;
    const sorted = indexes.sort((a, b) => a - b).map((key) => [key, this.#buckets.get(key)!] as const);
    this.#buckets.clear();
    for (const [key, bucket] of sorted) this.#buckets.set(key, bucket);
  }
}
