import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../platform/access/roles.js';
import { searchDirectives } from './repository.js';
import type { ListQuery } from './schemas.js';

/** The register, searchable by number/symbol, subject words (diacritic-insensitive), issuer, type and date range. */
export async function listDirectives(db: Db, options: { actor: Actor; query: ListQuery }) {
  const { items, total } = await searchDirectives(db, options.actor, options.query);
  return {
    items: items.map((d) => ({
      id: d.id,
      docType: d.docType,
      numberSymbol: d.numberSymbol,
      issuerName: d.issuerName,
      date: d.issuedYear === null && d.issuedMonth === null ? null : { year: d.issuedYear, month: d.issuedMonth, day: d.issuedDay },
      subject: d.subject,
      ownerUnitId: d.ownerUnitId,
      ownerUnitName: d.ownerUnitName,
      createdAt: d.createdAt.toISOString(),
    })),
    total,
    page: options.query.page,
    pageSize: options.query.pageSize,
  };
}
