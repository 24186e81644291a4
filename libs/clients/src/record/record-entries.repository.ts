import { Injectable } from '@nestjs/common';
import { coveringConsentSql, type RecordSection } from '@ohjaamo/consent';
import type { Actor } from '@ohjaamo/platform';
import type { EntityManager } from 'typeorm';
import { RecordEntry } from './record-entry.entity';

/** A current entry the actor may see, with the consent that lets them (null: their own). */
export interface VisibleEntry {
  entry: RecordEntry;
  consentId: string | null;
}

const COLUMNS = `e.id, e.entry_id AS "entryId", e.version, e.client_id AS "clientId", e.section,
  e.recorded_by_organisation_id AS "recordedByOrganisationId",
  e.recorded_by_user_id AS "recordedByUserId", e.recorded_at AS "recordedAt", e.title, e.body,
  e.superseded_at AS "supersededAt", e.deleted_at AS "deletedAt",
  e.deleted_reason AS "deletedReason", e.deleted_by_user_id AS "deletedByUserId"`;

/**
 * Queries of the shared record. Reads filter in SQL by the access policy's rule: the
 * actor's own organisation's entries, or others' under a consent in force today.
 */
@Injectable()
export class RecordEntriesRepository {
  /** Current entries of a client the actor may see, newest first. */
  async visibleCurrent(
    manager: EntityManager,
    actor: Actor,
    clientId: string,
    today: string,
    filter: { section?: RecordSection; entryId?: string } = {},
  ): Promise<VisibleEntry[]> {
    const covering = coveringConsentSql('e', actor, today, 2);
    const params: unknown[] = [clientId, ...covering.params];
    const extra: string[] = [];
    if (filter.section) {
      params.push(filter.section);
      extra.push(`AND e.section = $${params.length}`);
    }
    if (filter.entryId) {
      params.push(filter.entryId);
      extra.push(`AND e.entry_id = $${params.length}`);
    }
    const rows: (RecordEntry & { consentId: string | null })[] = await manager.query(
      `SELECT * FROM (
         SELECT ${COLUMNS},
                CASE WHEN e.recorded_by_organisation_id = $2::uuid THEN NULL ELSE ${covering.sql} END
                  AS "consentId"
           FROM client_record_entries e
          WHERE e.client_id = $1 AND e.superseded_at IS NULL AND e.deleted_at IS NULL
                ${extra.join(' ')}
       ) visible
       WHERE visible."recordedByOrganisationId" = $2::uuid OR visible."consentId" IS NOT NULL
       ORDER BY visible."recordedAt" DESC, visible.id`,
      params,
    );
    return rows.map(({ consentId, ...entry }) => ({ entry, consentId }));
  }

  /** The current version of an entry, locked for a correction or deletion. */
  currentForUpdate(
    manager: EntityManager,
    clientId: string,
    entryId: string,
  ): Promise<RecordEntry | null> {
    return manager
      .createQueryBuilder(RecordEntry, 'e')
      .setLock('pessimistic_write')
      .where('e.client_id = :clientId AND e.entry_id = :entryId', { clientId, entryId })
      .andWhere('e.superseded_at IS NULL AND e.deleted_at IS NULL')
      .getOne();
  }

  async insert(manager: EntityManager, entry: Partial<RecordEntry>): Promise<RecordEntry> {
    return manager.save(manager.create(RecordEntry, entry));
  }

  async closeVersion(manager: EntityManager, id: string): Promise<void> {
    await manager.update(RecordEntry, { id }, { supersededAt: new Date() });
  }

  async markDeleted(
    manager: EntityManager,
    id: string,
    userId: string,
    reason: string,
  ): Promise<void> {
    await manager.update(
      RecordEntry,
      { id },
      { deletedAt: new Date(), deletedReason: reason, deletedByUserId: userId },
    );
  }

  /** Which organisations have current entries in which sections: counts only, no content. */
  async authorsBySection(
    manager: EntityManager,
    clientId: string,
  ): Promise<
    { section: RecordSection; organisationId: string; organisationName: string; entries: number }[]
  > {
    return manager.query(
      `SELECT e.section, e.recorded_by_organisation_id AS "organisationId",
              o.name AS "organisationName", count(*)::int AS entries
         FROM client_record_entries e
         JOIN organisations o ON o.id = e.recorded_by_organisation_id
        WHERE e.client_id = $1 AND e.superseded_at IS NULL AND e.deleted_at IS NULL
        GROUP BY e.section, e.recorded_by_organisation_id, o.name
        ORDER BY e.section, o.name`,
      [clientId],
    );
  }

  /** Display names of the staff who recorded entries, for showing who wrote what. */
  async recorderNames(manager: EntityManager, userIds: string[]): Promise<Map<string, string>> {
    if (userIds.length === 0) return new Map();
    const rows: { id: string; name: string }[] = await manager.query(
      `SELECT id, display_name AS name FROM staff_users WHERE id = ANY($1::uuid[])`,
      [[...new Set(userIds)]],
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  }
}
