// Reading the API: every request pinned to one atlas version once it is known.

export class Api {
  constructor(root) {
    this.root = root || "";
    this.version = null;
  }

  /** Return the parsed JSON of `path` with `params`; throws on a non-2xx answer. */
  async get(path, params = {}, signal = undefined) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined) q.set(k, v);
    if (this.version) q.set("v", this.version);
    const url = `${this.root}${path}${q.size ? "?" + q : ""}`;
    const response = await fetch(url, { signal });
    if (!response.ok) {
      let message = `${response.status}`;
      try { message = (await response.json()).error.message; } catch { /* not JSON */ }
      throw new Error(`${path}: ${message}`);
    }
    return response.json();
  }
}

/** Return true for the error an aborted request throws (a newer view replaced it). */
export function isAbort(error) {
  return error && error.name === "AbortError";
}
