/**
 * A pending delivery's place in its webhook's mailbox: commit time, then project, then the project's sequence, each
 * zero-padded so that comparing the text compares the numbers. Within a project the sequence decides; the commit time
 * (strictly increasing per project) interleaves the projects.
 */
export function orderKey(at: number, projectId: string, sequence: number): string {
  return `${String(Math.floor(at)).padStart(15, '0')}.${projectId.padStart(12, '0')}.${String(sequence).padStart(10, '0')}`;
}

/** Commit order of two order keys: their code-unit order, as the mailbox index's range sorts them. */
export function byOrder(a: { order: string }, b: { order: string }): number {
  return a.order < b.order ? -1 : a.order > b.order ? 1 : 0;
}
