import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, type QueryDeepPartialEntity } from 'typeorm';
import { isUuid } from '../shared/uuid';
import type { QueueDayCounts, ServedEntry, WaitingEntry } from './desk-board';
import { DeskQueueEntry } from './desk-queue-entry.entity';
import { queueLabel, type QueueStatus } from './queue-status';

// Second key of the two-key advisory lock that serialises queue numbers per site and day
// (the audit chain uses the one-key form, a separate lock space).
const QUEUE_NUMBER_LOCK = 7243;
const SECONDS_SINCE = (column: string): string =>
  `GREATEST(0, floor(extract(epoch FROM now() - ${column})))::int`;

/** Queries on the desk queue. Transition times come from the database clock. */
@Injectable()
export class DeskQueueRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  findById(id: string, manager = this.dataSource.manager): Promise<DeskQueueEntry | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return manager.findOneBy(DeskQueueEntry, { id });
  }

  /** The next queue number of a site's day, taken under a lock so two desks never share one. */
  async nextQueueNumber(manager: EntityManager, siteId: string, day: string): Promise<number> {
    await manager.query(`SELECT pg_advisory_xact_lock($1, hashtext($2))`, [
      QUEUE_NUMBER_LOCK,
      `${siteId}/${day}`,
    ]);
    const [row] = await manager.query<{ next: number }[]>(
      `SELECT COALESCE(MAX(queue_number), 0) + 1 AS next
         FROM desk_queue_entries WHERE site_id = $1 AND queue_day = $2`,
      [siteId, day],
    );
    return row.next;
  }

  insert(manager: EntityManager, entry: Partial<DeskQueueEntry>): Promise<DeskQueueEntry> {
    return manager.save(DeskQueueEntry, manager.create(DeskQueueEntry, entry));
  }

  /** arrived → waiting. */
  markWaiting(
    manager: EntityManager,
    id: string,
    requestedOrganisationId: string | null,
  ): Promise<boolean> {
    return this.transition(manager, id, ['arrived'], {
      status: 'waiting',
      waitingAt: () => 'now()',
      ...(requestedOrganisationId ? { requestedOrganisationId } : {}),
    });
  }

  /** arrived or waiting → with a professional; the time waited is kept for the reports. */
  markCalled(
    manager: EntityManager,
    id: string,
    organisationId: string,
    staffUserId: string | null,
  ): Promise<boolean> {
    return this.transition(manager, id, ['arrived', 'waiting'], {
      status: 'with_professional',
      calledAt: () => 'now()',
      waitSeconds: () => SECONDS_SINCE('arrived_at'),
      organisationId,
      staffUserId,
    });
  }

  markDone(manager: EntityManager, id: string): Promise<boolean> {
    return this.transition(manager, id, ['with_professional'], {
      status: 'done',
      doneAt: () => 'now()',
    });
  }

  /** arrived or waiting → left unserved; the time waited before leaving is kept too. */
  markLeft(manager: EntityManager, id: string): Promise<boolean> {
    return this.transition(manager, id, ['arrived', 'waiting'], {
      status: 'left_unserved',
      leftAt: () => 'now()',
      waitSeconds: () => SECONDS_SINCE('arrived_at'),
    });
  }

  async waitingOn(siteId: string, day: string): Promise<WaitingEntry[]> {
    const rows = await this.dataSource.query<
      (Omit<WaitingEntry, 'label'> & { queueNumber: number })[]
    >(
      `SELECT e.id, e.queue_number AS "queueNumber", e.status, e.arrived_at AS "arrivedAt",
              ${SECONDS_SINCE('e.arrived_at')} AS "waitingSeconds",
              e.requested_organisation_id AS "requestedOrganisationId",
              o.name AS "requestedOrganisationName"
         FROM desk_queue_entries e
         LEFT JOIN organisations o ON o.id = e.requested_organisation_id
        WHERE e.site_id = $1 AND e.queue_day = $2 AND e.status IN ('arrived', 'waiting')
        ORDER BY e.arrived_at, e.queue_number`,
      [siteId, day],
    );
    return rows.map(({ queueNumber, ...row }) => ({ ...row, label: queueLabel(queueNumber) }));
  }

  async withProfessionalOn(siteId: string, day: string): Promise<ServedEntry[]> {
    const rows = await this.dataSource.query<
      (Omit<ServedEntry, 'label'> & { queueNumber: number })[]
    >(
      `SELECT e.id, e.queue_number AS "queueNumber", e.called_at AS "calledAt",
              e.wait_seconds AS "waitSeconds", e.organisation_id AS "organisationId",
              o.name AS "organisationName", e.staff_user_id AS "staffUserId",
              u.display_name AS "staffDisplayName"
         FROM desk_queue_entries e
         LEFT JOIN organisations o ON o.id = e.organisation_id
         LEFT JOIN staff_users u ON u.id = e.staff_user_id
        WHERE e.site_id = $1 AND e.queue_day = $2 AND e.status = 'with_professional'
        ORDER BY e.called_at, e.queue_number`,
      [siteId, day],
    );
    return rows.map(({ queueNumber, ...row }) => ({ ...row, label: queueLabel(queueNumber) }));
  }

  async countsOn(siteId: string, day: string): Promise<QueueDayCounts> {
    const [row] = await this.dataSource.query<QueueDayCounts[]>(
      `SELECT count(*)::int AS arrived,
              count(*) FILTER (WHERE status = 'done')::int AS done,
              count(*) FILTER (WHERE status = 'left_unserved')::int AS "leftUnserved"
         FROM desk_queue_entries WHERE site_id = $1 AND queue_day = $2`,
      [siteId, day],
    );
    return row;
  }

  // One conditional UPDATE: the status check and the change cannot be separated by a
  // concurrent click on another desk.
  private async transition(
    manager: EntityManager,
    id: string,
    from: readonly QueueStatus[],
    changes: QueryDeepPartialEntity<DeskQueueEntry>,
  ): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(DeskQueueEntry)
      .set(changes)
      .where('id = :id AND status IN (:...from)', { id, from })
      .execute();
    return result.affected === 1;
  }
}
