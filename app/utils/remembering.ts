/**
 * `compute` with its answers remembered: for work asked again and again with the same few keys
 * (a term's pattern, whether a zone exists, a zone's offset in some hours). Up to `max` answers;
 * past that the memory starts over — the keys are a bounded set in practice, and the bound only
 * keeps something unexpected from filling the heap. Pure, and safe in the browser.
 */
export function remembering<K, V>(max: number, compute: (key: K) => V): (key: K) => V {
  const memory = new Map<K, V>();
  return (key) => {
    if (memory.has(key)) return memory.get(key) as V;
    if (memory.size >= max) memory.clear();
    const value = compute(key);
    memory.set(key, value);
    return value;
  };
}
