// Drawing order of a pane's SVG elements (later ones on top), kept across slider steps by moving as
// few elements as possible: a step keeps most of its markers and lines, and ranks change a little.

/** Return the indices of a longest strictly increasing subsequence of `values` (numbers). */
export function longestIncreasing(values) {
  const tails = [];              // tails[k]: index of the smallest tail of an increasing run of length k + 1
  const before = new Array(values.length).fill(-1);
  values.forEach((value, i) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (values[tails[middle]] < value) low = middle + 1;
      else high = middle;
    }
    if (low > 0) before[i] = tails[low - 1];
    tails[low] = i;
  });
  const run = [];
  for (let i = tails.length ? tails[tails.length - 1] : -1; i >= 0; i = before[i]) run.push(i);
  return run.reverse();
}

/** Put the layers' elements (one parent) in the given order, the last on top, moving only those
 * outside the longest run already in order. */
export function stackInOrder(layers) {
  const nodes = layers.map((layer) => layer.getElement?.()).filter(Boolean);
  if (nodes.length < 2) return;
  const parent = nodes[0].parentNode;
  const position = new Map();
  let i = 0;
  for (const child of parent.childNodes) position.set(child, i++);
  const kept = new Set(longestIncreasing(nodes.map((node) => position.get(node))));
  if (kept.size === nodes.length) return;
  for (let k = nodes.length - 1; k >= 0; k -= 1) {
    if (kept.has(k)) continue;
    if (k === nodes.length - 1) parent.appendChild(nodes[k]);
    else parent.insertBefore(nodes[k], nodes[k + 1]);
  }
}
