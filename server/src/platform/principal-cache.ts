import type { Principal } from './context.js';

/**
 * Principals looked up recently, by session or token hash, for a few seconds: it saves the
 * authentication round trip on most requests (docs/decisions/0004). Every successful change
 * in this process clears it; another process sees a change when its entry expires.
 */
export class PrincipalCache {
  private readonly entries = new Map<string, { principal: Principal; until: number }>();
  /** Bumped by every clear: a lookup that started before a clear must not be stored after it. */
  private generation = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  get(key: string, now = Date.now()): Principal | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (hit.until <= now) {
      this.entries.delete(key);
      return undefined;
    }
    return hit.principal;
  }

  /** Call before looking a principal up; pass the result to `set`. */
  ticket(): number {
    return this.generation;
  }

  set(key: string, principal: Principal, ticket: number, now = Date.now()) {
    if (this.ttlMs <= 0 || ticket !== this.generation) return;
    if (this.entries.size >= this.maxEntries) {
      // Oldest first: a Map iterates in insertion order.
      const first = this.entries.keys().next().value;
      if (first !== undefined) this.entries.delete(first);
    }
    this.entries.set(key, { principal, until: now + this.ttlMs });
  }

  clear() {
    this.generation += 1;
    this.entries.clear();
  }
}
