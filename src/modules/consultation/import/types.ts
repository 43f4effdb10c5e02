import type { Actor } from '../../../platform/access/roles.js';

/** The options, progress and result of an opinion file import (`importOpinions`). */

export interface ImportProgress {
  phase: 'reading' | 'writing';
  rowsRead: number;
  bytesRead: number;
  totalBytes: number;
}

export interface ImportOpinionsOptions {
  actor: Actor;
  consultationCode: string;
  filePath: string;
  /** Import the good rows and write the rejected ones to `<name>.rejected.csv` beside the input. */
  skipInvalid?: boolean;
  onProgress?: (progress: ImportProgress) => void;
  /** The key that seals contributors' contact details (read only when a row carries some). */
  contactKey: () => Buffer;
  /** Rows per batch (tuning, and tests of files spanning many batches); 20,000 by default. */
  batchRows?: number;
}

export interface ImportOpinionsResult {
  rowsRead: number;
  /** Submissions added by this import. */
  submissions: number;
  /** Opinions added by this import. */
  opinions: number;
  /** Submissions of the file that were already present (same submission_id), hence skipped. */
  alreadyPresent: number;
  rejected: { line: number; reason: string }[];
  /** Where the rejected rows were written (`skipInvalid` only), or null. */
  rejectedFile: string | null;
}
