import { hash } from 'argon2';
import { DataSource, EntityManager } from 'typeorm';
import { dataSourceOptions } from '../data-source-options';
import { insertClientsAndVisits } from './demo-clients-and-visits';
import { insertEmployersAndEvents } from './demo-employers-and-events';
import { insertPlansAndOutcomes } from './demo-plans-and-outcomes';
import { demoId } from './demo-ids';
import { DEMO_PASSWORD } from './demo-logins';
import { DEMO_ORGANISATIONS, DEMO_SITES } from './demo-organisations';
import { DEMO_STAFF } from './demo-staff';

/**
 * Loads the demo data set unless it is already there. Every row has a deterministic id
 * and is inserted with ON CONFLICT DO NOTHING, so loading twice changes nothing, and a
 * demo row someone edited keeps the edit. Returns true when it loaded anything.
 */
export async function loadDemoData(url: string): Promise<boolean> {
  const dataSource = await new DataSource(dataSourceOptions(url, 2)).initialize();
  try {
    return await dataSource.transaction(async (manager) => {
      const before = await countDemoRows(manager);
      await insertOrganisations(manager);
      await insertSites(manager);
      await insertStaff(manager);
      await insertClientsAndVisits(manager, new Date());
      await insertPlansAndOutcomes(manager, new Date());
      await insertEmployersAndEvents(manager, new Date());
      return (await countDemoRows(manager)) > before;
    });
  } finally {
    await dataSource.destroy();
  }
}

async function countDemoRows(manager: EntityManager): Promise<number> {
  const [row] = await manager.query<{ n: string }[]>(
    `SELECT (SELECT count(*) FROM organisations) + (SELECT count(*) FROM sites)
          + (SELECT count(*) FROM staff_users) + (SELECT count(*) FROM clients)
          + (SELECT count(*) FROM visits) AS n`,
  );
  return Number(row?.n ?? 0);
}

async function insertOrganisations(manager: EntityManager): Promise<void> {
  for (const org of DEMO_ORGANISATIONS) {
    await manager.query(
      `INSERT INTO organisations (id, name, kind) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING`,
      [demoId(`org:${org.key}`), org.name, org.kind],
    );
  }
}

async function insertSites(manager: EntityManager): Promise<void> {
  for (const site of DEMO_SITES) {
    const siteId = demoId(`site:${site.key}`);
    await manager.query(
      `INSERT INTO sites (id, name, street_address, postal_code, municipality, region, opening_hours)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING`,
      [
        siteId,
        site.name,
        site.streetAddress,
        site.postalCode,
        site.municipality,
        site.region,
        JSON.stringify(site.openingHours),
      ],
    );
    for (const [orgKey, weekdays] of Object.entries(site.calendar)) {
      for (const weekday of weekdays) {
        await manager.query(
          `INSERT INTO site_agency_days (id, site_id, organisation_id, weekday) VALUES ($1, $2, $3, $4)
           ON CONFLICT DO NOTHING`,
          [
            demoId(`day:${site.key}:${orgKey}:${weekday}`),
            siteId,
            demoId(`org:${orgKey}`),
            weekday,
          ],
        );
      }
    }
  }
}

async function insertStaff(manager: EntityManager): Promise<void> {
  const existing = new Set(
    (await manager.query<{ id: string }[]>(`SELECT id FROM staff_users`)).map((r) => r.id),
  );
  const missing = DEMO_STAFF.filter((s) => !existing.has(demoId(`user:${s.email}`)));
  if (missing.length === 0) return;
  const passwordHash = await hash(DEMO_PASSWORD, { type: 2 /* argon2id */ });
  for (const staff of missing) {
    const userId = demoId(`user:${staff.email}`);
    await manager.query(
      `INSERT INTO staff_users (id, organisation_id, email, display_name, password_hash, roles, language)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
      [
        userId,
        demoId(`org:${staff.organisation}`),
        staff.email,
        staff.displayName,
        passwordHash,
        staff.roles,
        staff.language,
      ],
    );
    for (const site of staff.sites) {
      await manager.query(
        `INSERT INTO staff_user_sites (user_id, site_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
        [userId, demoId(`site:${site}`)],
      );
    }
  }
}
