/**
 * `#lesson=<value>` links (lesson-format §3): the value is a built-in lesson's id, or the lesson
 * file compressed with lz-string's compressToEncodedURIComponent, like `#scenario=` links.
 */
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';

export type DecodedLessonLink =
  | { kind: 'none' }
  | { kind: 'builtin'; id: string }
  | { kind: 'file'; source: unknown }
  | { kind: 'error'; message: string };

export const encodeLessonHash = (source: unknown): string =>
  `#lesson=${compressToEncodedURIComponent(JSON.stringify(source))}`;

export function decodeLessonHash(hash: string, builtinIds: readonly string[]): DecodedLessonLink {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const value = params.get('lesson');
  if (value === null) return { kind: 'none' };
  if (value === '') return { kind: 'error', message: 'the link names no lesson' };
  if (builtinIds.includes(value)) return { kind: 'builtin', id: value };
  // URLSearchParams turns '+' into ' '; lz-string's URI alphabet uses '+'.
  const text = decompressFromEncodedURIComponent(value.replace(/ /g, '+'));
  if (!text)
    return {
      kind: 'error',
      message: /^[A-Za-z0-9_-]{1,32}$/.test(value)
        ? `no built-in lesson is named ${JSON.stringify(value)} (${builtinIds.join(', ')})`
        : "the link's lesson could not be decompressed (truncated link?)",
    };
  try {
    return { kind: 'file', source: JSON.parse(text) };
  } catch (e) {
    return { kind: 'error', message: `the link's lesson is not valid JSON: ${(e as Error).message}` };
  }
}
