// Redocly CLI 2.61 and later print a boxed "Node.js 20 support is ending" notice on stderr at every run
// under Node 20, with no setting to turn it off (REDOCLY_SUPPRESS_NOTIFICATIONS covers only its update
// notice). This project stays on Node 20 and pins @redocly/cli to a release whose engines field accepts
// it (README, "Toolchain"), so the notice asks for nothing here. Only that box is removed; a different
// or changed notice passes through.
const node20Notice = /^\s*╔[^╝]*Node\.js 20 support is ending[^╝]*╝[ \t]*\n+/;

export const withoutNode20Notice = (text: string): string => text.replace(node20Notice, '');

// The notice is the first thing the CLI writes: hold stderr back only while it may still be arriving.
export const node20NoticeFilter = (write: (text: string) => void) => {
  let head = '';
  let passing = false;
  return {
    push(chunk: string): void {
      if (passing) return write(chunk);
      head += chunk;
      const start = head.trimStart();
      if (start === '' || (start.startsWith('╔') && !start.includes('╝'))) return;
      passing = true;
      write(withoutNode20Notice(head));
    },
    end(): void {
      if (!passing) write(withoutNode20Notice(head));
      passing = true;
    },
  };
};
