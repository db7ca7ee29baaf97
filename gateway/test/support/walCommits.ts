import { readFileSync } from 'node:fs';

/** What a SQLite write-ahead log holds: the header's salts (they change when the log restarts) and its commits. */
export interface WalCommits {
  salts: string;
  commits: number;
}

/**
 * Counts the commits in a SQLite write-ahead log as SQLite itself would read them: frames whose
 * salts match the header's, a commit being a frame that records the database size
 * (https://www.sqlite.org/fileformat2.html#walformat). Read from the file, so it sees what a
 * process killed after its answers left behind.
 */
export function walCommits(walFile: string): WalCommits {
  const wal = readFileSync(walFile);
  if (wal.length < 32) return { salts: '', commits: 0 };
  const pageSize = wal.readUInt32BE(8);
  const salt1 = wal.readUInt32BE(16);
  const salt2 = wal.readUInt32BE(20);
  let commits = 0;
  for (let at = 32; at + 24 + pageSize <= wal.length; at += 24 + pageSize) {
    if (wal.readUInt32BE(at + 8) !== salt1 || wal.readUInt32BE(at + 12) !== salt2) break;
    if (wal.readUInt32BE(at + 4) !== 0) commits++;
  }
  return { salts: `${salt1}:${salt2}`, commits };
}
