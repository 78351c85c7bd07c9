// Offsets into a document's text as the API counts them: in characters (Unicode code points, as
// Python's strings count), not in the UTF-16 code units JavaScript's strings count. A character
// outside the Basic Multilingual Plane (an emoji, Gothic 𐌰 in an OCR'd page) is one character to the
// API and two units here, so every place that cuts document text at the API's offsets, or sends the
// API offsets of words chosen in the page, goes through these functions.

let last = { text: null, astral: [] };   // the text asked about last, and its characters outside the BMP

/** Return the offsets (in characters) of the characters of `text` outside the BMP, ascending. */
function astralOffsets(text) {
  if (text === last.text) return last.astral;
  const astral = [];
  for (let unit = 0, offset = 0; unit < text.length; unit++, offset++) {
    const high = text.charCodeAt(unit);
    if (high >= 0xd800 && high <= 0xdbff && unit + 1 < text.length) {
      const low = text.charCodeAt(unit + 1);
      if (low >= 0xdc00 && low <= 0xdfff) { astral.push(offset); unit++; }
    }
  }
  last = { text, astral };
  return astral;
}

/** Return how many items of the ascending `values` are below `limit` (`shift(i)` added to the i-th). */
function countBelow(values, limit, shift = () => 0) {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (values[mid] + shift(mid) < limit) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Return the index in `text` (UTF-16 code units) of the API's offset `offset` (characters). */
export function unitIndex(text, offset) {
  return offset + countBelow(astralOffsets(text), offset);
}

/** Return the API's offset (characters) of the index `index` (UTF-16 code units) of `text`; an index
 * between the two halves of a character counts that character as before it. */
export function charOffset(text, index) {
  // The k-th character outside the BMP, at offset a, takes the units a + k and a + k + 1.
  return index - countBelow(astralOffsets(text), index - 1, (k) => k);
}

/** Return the length of `text` in the API's offsets (characters). */
export function textLength(text) {
  return text.length - astralOffsets(text).length;
}

/** Return the part of `text` from the API's offset `start` to `end` (default: its end), as Python's
 * text[start:end] for offsets within the text. */
export function textSlice(text, start, end = undefined) {
  const from = unitIndex(text, Math.max(0, start));
  return end === undefined ? text.slice(from) : text.slice(from, unitIndex(text, Math.max(start, end)));
}
