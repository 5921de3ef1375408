import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { format, resolveConfig } from 'prettier';

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

/**
 * Writes section `name` of the document at `path` (created with `intro` when missing), formatted as the repository's
 * prettier check wants it (the tables padded): what each benchmark's `--write-doc` does.
 */
export async function writeSection(path: string, name: string, body: string, intro = '# Performance\n'): Promise<void> {
  const doc = existsSync(path) ? readFileSync(path, 'utf8') : intro;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, await format(withSection(doc, name, body), { ...(await resolveConfig(path)), filepath: path }));
  console.log(`wrote ${path}`);
}
