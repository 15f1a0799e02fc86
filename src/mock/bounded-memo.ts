// The memory behind the negotiation cache (negotiation-cache.ts): answers by key, at most `capacity` of them,
// the oldest going first, so keys that keep changing (ever-new headers or messages) cannot grow it.
export interface BoundedMemo<V> {
  get(key: string): V | undefined;
  set(key: string, value: V): void;
}

export const boundedMemo = <V>(capacity: number): BoundedMemo<V> => {
  const answers = new Map<string, V>();
  return {
    get: (key) => answers.get(key),
    set: (key, value) => {
      answers.set(key, value);
      if (answers.size > capacity) answers.delete(answers.keys().next().value as string);
    },
  };
};
