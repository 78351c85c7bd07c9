// The time controls: a real range input over the corpus's days, previous/next document date,
// play/pause, a readable date label. Arrow keys step documents; space plays and pauses.
import { dayOf, isoOf, longDate } from "./dates.js";
import { _ } from "./i18n.js";

const PLAY_MS = 1400;

export class Timebar {
  constructor(nodes, onChange) {
    this.nodes = nodes;            // {slider, label, prev, next, play}
    this.onChange = onChange;      // (isoDate, {commit}) => void
    this.steps = [];               // day numbers of the documents' dates, sorted
    this.timer = null;
    nodes.slider.addEventListener("input", () => this.changed(false));
    nodes.slider.addEventListener("change", () => this.changed(true));
    nodes.slider.addEventListener("keydown", (e) => this.key(e));
    nodes.prev.addEventListener("click", () => this.step(-1));
    nodes.next.addEventListener("click", () => this.step(1));
    nodes.play.addEventListener("click", () => this.toggle());
  }

  /** Span the slider over the corpus (from /api/corpus). */
  setCorpus(corpus) {
    this.steps = [...new Set((corpus.dates || []).map(dayOf).filter((d) => d !== null))].sort((a, b) => a - b);
    const first = dayOf(corpus.earliest) ?? this.steps[0] ?? dayOf("1920-01-01");
    const last = dayOf(corpus.latest) ?? this.steps[this.steps.length - 1] ?? first;
    this.nodes.slider.min = String(first);
    this.nodes.slider.max = String(Math.max(first, last));
  }

  get day() { return Number(this.nodes.slider.value); }

  /** True while the time bar plays. */
  get playing() { return this.timer !== null; }

  /** Move the slider to an ISO date (clamped to the corpus) without announcing a change. */
  show(iso) {
    const day = dayOf(iso);
    if (day !== null) this.nodes.slider.value = String(day);
    const text = longDate(this.day);
    this.nodes.slider.setAttribute("aria-valuetext", text);
    this.nodes.label.textContent = text;
    return isoOf(this.day);
  }

  changed(commit) {
    this.onChange(this.show(null), { commit });
  }

  /** Return the day of the next (+1) or previous (-1) document date, undefined at either end. */
  neighbour(direction) {
    const day = this.day;
    return direction > 0 ? this.steps.find((d) => d > day) : [...this.steps].reverse().find((d) => d < day);
  }

  /** Return the ISO dates of the next and previous document dates (those that exist). */
  neighbours() {
    return [this.neighbour(1), this.neighbour(-1)].filter((d) => d !== undefined).map(isoOf);
  }

  /** Go to the previous (-1) or next (+1) document date; returns false at either end.
   * Steps while playing replace the history entry rather than add one each. */
  step(direction, playing = false) {
    const target = this.neighbour(direction);
    if (target === undefined) return false;
    this.nodes.slider.value = String(target);
    this.onChange(this.show(null), { commit: playing ? "replace" : true });
    return true;
  }

  key(e) {
    const keys = { ArrowRight: 1, ArrowUp: 1, ArrowLeft: -1, ArrowDown: -1 };
    if (e.key in keys) { e.preventDefault(); this.step(keys[e.key]); }
    else if (e.key === " ") { e.preventDefault(); this.toggle(); }
  }

  toggle() {
    if (this.timer) return this.pause();
    if (!this.steps.some((d) => d > this.day) && this.steps.length) {
      this.nodes.slider.value = String(this.steps[0]);   // at the end: play from the start
      this.changed(true);
    }
    this.timer = setInterval(() => { if (!this.step(1, true)) this.pause(); }, PLAY_MS);
    this.nodes.play.setAttribute("aria-pressed", "true");
    this.nodes.play.setAttribute("aria-label", _("Pause"));
    this.nodes.play.textContent = "\u275A\u275A";
  }

  pause() {
    clearInterval(this.timer);
    this.timer = null;
    this.nodes.play.setAttribute("aria-pressed", "false");
    this.nodes.play.setAttribute("aria-label", _("Play"));
    this.nodes.play.textContent = "\u25B6";
  }
}
