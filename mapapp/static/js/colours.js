// Colours that tell parties and actors apart without meaning anything: the one palette of the map
// and of every picture (../palette.json, which mapapp/palette.py reads for the pictures), handed
// out in alphabetical order of the names, so no side gets a "national" colour.
import palette from "../palette.json" with { type: "json" };

export { palette };
export const NO_SINGLE_CONTROL = palette.no_single_control;   // no one party controls: none, or several

/** Order names as the pictures do: case-insensitively, ties by the name itself. */
export function alphabetical(a, b) {
  const [x, y] = [a.toLowerCase(), b.toLowerCase()];
  if (x !== y) return x < y ? -1 : 1;
  return a < b ? -1 : (a > b ? 1 : 0);
}

export class ColourBook {
  /** A book dealing `colours` (the palette's party colours unless given) to names. */
  constructor(colours = palette.parties) { this.palette = colours; this.names = []; this.colours = new Map(); }

  /** Learn names; colours are re-dealt in alphabetical order of all names seen. */
  learn(names) {
    let changed = false;
    for (const n of names) if (n && !this.names.includes(n)) { this.names.push(n); changed = true; }
    if (changed) {
      this.names.sort(alphabetical);
      this.names.forEach((n, i) => this.colours.set(n, this.palette[i % this.palette.length]));
    }
  }

  /** Return the colour of `name` (the palette's "unstated" grey for none). */
  of(name) {
    if (!name) return palette.unstated;
    if (!this.colours.has(name)) this.learn([name]);
    return this.colours.get(name);
  }
}
