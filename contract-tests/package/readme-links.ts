// The relative links of a Markdown text (`[text](docs/mock.md#start)`, `<a href="…">`), as paths inside
// the package, and which of them a list of packed files lacks.
import { marked, type Token } from 'marked';

const external = /^(?:[a-z][a-z\d+.-]*:|#|\/\/)/i;

const linksIn = (tokens: Token[]): string[] =>
  tokens.flatMap((token) => {
    const own = token.type === 'link' || token.type === 'image' ? [(token as { href: string }).href] : [];
    const html = token.type === 'html' ? [...(token as { text: string }).text.matchAll(/\b(?:href|src)="([^"]+)"/g)].map((match) => match[1]) : [];
    const children = [(token as { tokens?: Token[] }).tokens, ...((token as { items?: { tokens: Token[] }[] }).items ?? []).map((item) => item.tokens)]
      .filter((inner): inner is Token[] => Array.isArray(inner))
      .flat();
    const rows = token.type === 'table' ? [...(token as { header: { tokens: Token[] }[] }).header, ...(token as { rows: { tokens: Token[] }[][] }).rows.flat()].flatMap((cell) => cell.tokens) : [];
    return [...own, ...html, ...linksIn([...children, ...rows])];
  });

/** Every relative link of `markdown`, without its `#fragment` or `?query`. */
export const relativeLinks = (markdown: string): string[] =>
  [...new Set(linksIn(marked.lexer(markdown)).filter((href) => !external.test(href)).map((href) => decodeURI(href.replace(/[#?].*$/, '').replace(/^\.\//, ''))))];

/** The relative links of `markdown` that name neither a packed file nor a folder of packed files. */
export const missingLinks = (markdown: string, packedFiles: string[]): string[] =>
  relativeLinks(markdown).filter((link) => !packedFiles.some((file) => file === link || file.startsWith(`${link.replace(/\/$/, '')}/`)));
