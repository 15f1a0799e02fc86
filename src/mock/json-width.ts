// Finds, in JSON text before it is parsed, the first object or array with more entries than a
// limit. Parsing an object of 70,000 keys costs far more than reading its text once, so a body too
// wide to validate is refused before it is parsed. Strings are skipped whole (their commas and
// brackets are not structure); text that is not JSON gives some answer, and JSON.parse refuses it after.

type Frame = { key: string | number; commas: number; isArray: boolean; expectKey: boolean; lastKey: string };

/** The path of the first object or array in `text` with more than `limit` entries, or undefined. */
export const widePlaceInJson = (text: string, limit: number): (string | number)[] | undefined => {
  const frames: Frame[] = [];
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
    } else if (char === 0x7d /* } */ || char === 0x5d /* ] */) {
      frames.pop();
    } else if (char === 0x2c /* , */) {
      const frame = frames.at(-1);
      if (!frame) continue;
      frame.expectKey = !frame.isArray;
      // n commas separate n + 1 entries.
      if (++frame.commas >= limit) return frames.slice(1).map((open) => open.key);
    }
  }
  return undefined;
};
