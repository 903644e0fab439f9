import type { Principal } from './context.js';

/**
 * Principals looked up recently, by session or token hash, for a few seconds: it saves the
 * authentication round trip on most requests (docs/decisions/0004). Whatever changes who
 * someone is or what they may do calls `forgetUser` (or `clear`) in this process; another
 * process sees the change when its entry expires.
 */
export class PrincipalCache {
  private readonly entries = new Map<string, { principal: Principal; until: number }>();

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

  set(key: string, principal: Principal, now = Date.now()) {
    if (this.ttlMs <= 0) return;
    if (this.entries.size >= this.maxEntries) {
      // Oldest first: a Map iterates in insertion order.
      const first = this.entries.keys().next().value;
      if (first !== undefined) this.entries.delete(first);
    }
    this.entries.set(key, { principal, until: now + this.ttlMs });
  }

  forget(key: string) {
    this.entries.delete(key);
  }

  forgetUser(userId: string) {
    for (const [key, { principal }] of this.entries) if (principal.userId === userId) this.entries.delete(key);
  }

  clear() {
    this.entries.clear();
  }
}
