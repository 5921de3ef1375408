/**
 * docs/performance.md is written by more than one benchmark. Each benchmark other than the queue server's owns one
 * section between `<!-- section: name -->` and `<!-- /section: name -->`; the queue server's benchmark rewrites the
 * rest of the file and keeps those sections.
 */
const sectionPattern = /<!-- section: ([\w-]+) -->[\s\S]*?<!-- \/section: \1 -->\n?/g;

/** The marked sections of `doc`, in order, each ending with a newline. */
export function markedSections(doc: string): string[] {
  return [...doc.matchAll(sectionPattern)].map((m) => (m[0].endsWith('\n') ? m[0] : `${m[0]}\n`));
}

/** `doc` with section `name` set to `body`: replaced where it was, appended otherwise. */
export function withSection(doc: string, name: string, body: string): string {
  const block = `<!-- section: ${name} -->\n${body.trim()}\n<!-- /section: ${name} -->\n`;
  const existing = markedSections(doc).find((s) => s.startsWith(`<!-- section: ${name} -->`));
  if (existing) return doc.replace(existing, block);
  return `${doc.trimEnd()}\n\n${block}`;
}
