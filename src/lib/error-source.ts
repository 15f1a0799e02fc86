// The `source` of an error, as Elastic Path's `ResponseErrorItem` has it: the path of the body field at
// fault in its notation (`data.billing_address.line_1`, `data.items[0].quantity`), `request` for the
// body as a whole, or the name of a header or path parameter. The mock writes it with `sourceOfPath`;
// a frontend reads a body path back into keys with `pathOfSource` (see docs/mock.md).

/** What `source` says when the body as a whole is at fault (an empty body, a body that is not an object). */
export const wholeBody = 'request';

const plainName = /^[A-Za-z_$][\w$]*$/;

/** The source of a body field, from its keys: `['data', 'items', 0, 'quantity']` gives `data.items[0].quantity`. */
export const sourceOfPath = (path: readonly (string | number)[]): string => {
  if (path.length === 0) return wholeBody;
  return path
    .map((key, index) => {
      if (typeof key === 'number') return `[${key}]`;
      if (!plainName.test(key)) return `[${JSON.stringify(key)}]`;
      return index === 0 ? key : `.${key}`;
    })
    .join('');
};

// One step of a path: `.name`, `[0]` or `["odd key"]` (a path's first name comes without its dot).
const step = /\.([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;

/**
 * The keys of a body field from its source (`data.items[0].quantity` gives `['data', 'items', 0, 'quantity']`,
 * `request` gives `[]`), or undefined when it cannot be one: a header's name such as `X-MOLTIN-CURRENCY`. Checkout's
 * body paths all start with `data`, so a source that does not is a header or path parameter.
 */
export const pathOfSource = (source: string): (string | number)[] | undefined => {
  if (source === wholeBody) return [];
  const text = source.startsWith('[') ? source : `.${source}`;
  const keys: (string | number)[] = [];
  step.lastIndex = 0;
  while (step.lastIndex < text.length) {
    const match = step.exec(text);
    if (!match) return undefined;
    keys.push(match[1] ?? (match[2] !== undefined ? Number(match[2]) : (JSON.parse(match[3]) as string)));
  }
  return keys;
};
