// Prism matches every request's path against its operation's path template, and compiles that
// template afresh each time, into a regular expression and a function made with `new Function`:
// about a twentieth of the mock's CPU per request. The compiled template depends on the spec alone,
// so the mock compiles each template once; Prism still matches every request against it.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

type Template = { match(path: string): Record<string, unknown> | null };
export type TemplateConstructor = new (template: string) => Template;
/** The constructor Prism uses; once replaced, it keeps the original as `compile`. */
type Replaceable = TemplateConstructor & { compile?: TemplateConstructor };

/** The uri-template-lite module Prism's validator uses. */
export const prismUriTemplates = (): { URI: { Template: Replaceable } } =>
  createRequire(require.resolve('@stoplight/prism-http'))('uri-template-lite');

export const compilePathTemplatesOnce = (): void => {
  let URI: { Template: Replaceable };
  try {
    ({ URI } = prismUriTemplates());
  } catch {
    return; // a later Prism that no longer uses uri-template-lite (the path-templates test then fails, to say so)
  }
  if (URI.Template.compile) return;
  const compile = URI.Template;
  const compiled = new Map<string, Template>();
  // Called with `new`, a constructor that returns an object gives that object.
  const once = function Template(template: string): Template {
    let found = compiled.get(template);
    if (!found) compiled.set(template, (found = new compile(template)));
    return found;
  } as unknown as Replaceable;
  once.compile = compile;
  URI.Template = once;
};
