import type { Queryable } from '../../../platform/db/database.js';
import { fail } from '../../../platform/errors.js';
import { selectDocumentText } from '../repository.js';
import { withPublicForm } from './public-form.js';
import { requireOpen } from './store.js';

/**
 * The text of one draft of an open consultation, for the public form's reader ("Đọc nội dung"):
 * every section with its parent, heading and body, in order. Loaded when a reader opens a section,
 * so the form itself stays small. DOCUMENT_NOT_FOUND for a code the consultation does not have.
 */
export async function getPublicDocumentText(db: Queryable, options: { code: string; documentCode: string; now?: Date }) {
  const now = options.now ?? new Date();
  const form = await withPublicForm(db, options.code, (f) => {
    requireOpen(f.consultation, now);
    return f;
  });
  const document = form.documents.find((d) => d.code === options.documentCode);
  if (!document) fail('DOCUMENT_NOT_FOUND', { document: options.documentCode });
  return { code: document.code, title: document.title, sections: await selectDocumentText(db, document.id) };
}
