// Reading the API: every request pinned to one atlas version once it is known.

const KEEP = 300;   // answers kept in memory: stepping back and forth redraws without asking again

export class Api {
  constructor(root) {
    this.root = root || "";
    this.version = null;
    this.kept = new Map();    // url -> answer
    this.early = new Map();   // url -> promise of an answer asked for ahead of need
  }

  url(path, params) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined) q.set(k, v);
    if (this.version) q.set("v", this.version);
    return `${this.root}${path}${q.size ? "?" + q : ""}`;
  }

  /** Return the parsed JSON of `path` with `params`; throws on a non-2xx answer.
   * Answers pinned to an atlas version never change, so they are kept and reused. */
  async get(path, params = {}, signal = undefined) {
    const url = this.url(path, params);
    if (this.kept.has(url)) return this.kept.get(url);
    if (this.early.has(url)) return this.early.get(url);
    return this.keep(url, await this.fetchJson(url, path, signal));
  }

  /** Ask for an answer ahead of need (the neighbouring steps of the slider); never throws. */
  prefetch(path, params = {}) {
    const url = this.url(path, params);
    if (!this.version || this.kept.has(url) || this.early.has(url)) return;
    const promise = this.fetchJson(url, path).then((answer) => this.keep(url, answer));
    this.early.set(url, promise);
    promise.catch(() => {}).finally(() => this.early.delete(url));
  }

  keep(url, answer) {
    if (this.version) {
      this.kept.set(url, answer);
      if (this.kept.size > KEEP) this.kept.delete(this.kept.keys().next().value);
    }
    return answer;
  }

  async fetchJson(url, path, signal) {
    const response = await fetch(url, { signal });
    if (!response.ok) {
      let message = `${response.status}`;
      try { message = (await response.json()).error.message; } catch { /* not JSON */ }
      throw Object.assign(new Error(`${path}: ${message}`), { status: response.status });
    }
    return response.json();
  }
}

/** Return true for the error an aborted request throws (a newer view replaced it). */
export function isAbort(error) {
  return error && error.name === "AbortError";
}
