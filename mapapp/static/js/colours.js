// Colours that tell parties and actors apart without meaning anything: a fixed categorical
// palette handed out in alphabetical order of the names, so no side gets a "national" colour.
const PALETTE = ["#1b7f86", "#a3559b", "#b5731c", "#4b6fb5", "#5f8a2c", "#b54848", "#7a6a4f",
  "#2f5f4f", "#8c5fbf", "#9a7b00", "#3f7fa6", "#a0527a"];
export const NEUTRAL = "#8a8a8a";

export class ColourBook {
  constructor() { this.names = []; this.colours = new Map(); }

  /** Learn names; colours are re-dealt in alphabetical order of all names seen. */
  learn(names) {
    let changed = false;
    for (const n of names) if (n && !this.names.includes(n)) { this.names.push(n); changed = true; }
    if (changed) {
      this.names.sort((a, b) => a.localeCompare(b));
      this.names.forEach((n, i) => this.colours.set(n, PALETTE[i % PALETTE.length]));
    }
  }

  /** Return the colour of `name` (grey for none). */
  of(name) {
    if (!name) return NEUTRAL;
    if (!this.colours.has(name)) this.learn([name]);
    return this.colours.get(name);
  }
}
