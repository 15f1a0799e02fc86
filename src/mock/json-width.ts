// Finds, in JSON text before it is parsed, the first place that breaks the mock's bounds: an object
// or array with more entries than a limit, or nesting deeper than a limit. Parsing an object of
// 70,000 keys, or arrays nested 400,000 deep, costs far more than reading the text once, and no
// checkout body comes near either bound, so such a body is refused before it is parsed. Strings are
// skipped whole (their commas and brackets are not structure); text that is not JSON gives some
// answer, and JSON.parse refuses it after.

type Frame = { key: string | number; commas: number; isArray: boolean; expectKey: boolean; lastKey: string };

export interface JsonBounds {
  /** The most entries of one object or array. */
  width: number;
  /** The most levels of objects and arrays. */
  depth: number;
}

/** Where `text` first breaks `bounds`: the path of the object or array too wide, or of the first one too deep. */
export const placeOutOfBounds = (text: string, bounds: JsonBounds): { path: (string | number)[]; breaks: keyof JsonBounds } | undefined => {
  const frames: Frame[] = [];
  const pathTo = (count: number) => frames.slice(1, count).map((open) => open.key);
  for (let at = 0; at < text.length; at++) {
    const char = text.charCodeAt(at);
    if (char === 0x22 /* " */) {
      const start = at;
      for (at++; at < text.length; at++) {
        const inner = text.charCodeAt(at);
        if (inner === 0x5c /* \ */) at++;
        else if (inner === 0x22) break;
      }
      const frame = frames.at(-1);
      if (frame?.expectKey) {
        frame.expectKey = false;
        try {
          frame.lastKey = JSON.parse(text.slice(start, at + 1)) as string;
        } catch {
          frame.lastKey = text.slice(start + 1, at);
        }
      }
    } else if (char === 0x7b /* { */ || char === 0x5b /* [ */) {
      const parent = frames.at(-1);
      const key = parent === undefined ? '' : parent.isArray ? parent.commas : parent.lastKey;
      frames.push({ key, commas: 0, isArray: char === 0x5b, expectKey: char === 0x7b, lastKey: '' });
      if (frames.length > bounds.depth) return { path: pathTo(frames.length), breaks: 'depth' };
    } else if (char === 0x7d /* } */ || char === 0x5d /* ] */) {
      frames.pop();
    } else if (char === 0x2c /* , */) {
      const frame = frames.at(-1);
      if (!frame) continue;
      frame.expectKey = !frame.isArray;
      // n commas separate n + 1 entries.
      if (++frame.commas >= bounds.width) return { path: pathTo(frames.length), breaks: 'width' };
    }
  }
  return undefined;
};
