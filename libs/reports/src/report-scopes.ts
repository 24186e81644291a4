import type { DataSource } from 'typeorm';
import type { ReportScope } from './report-figures.repository';

export interface ScopeOption {
  /** "deployment", "region:<name>" or "site:<id>": what the report form sends. */
  value: string;
  kind: ReportScope['kind'];
  name: string;
}

/** The scopes a report can cover: the deployment, each region, each site. */
export async function scopeOptions(dataSource: DataSource): Promise<ScopeOption[]> {
  const sites = await dataSource.query<{ id: string; name: string; region: string | null }[]>(
    `SELECT id, name, region FROM sites ORDER BY name, id`,
  );
  const regions = [...new Set(sites.map((s) => s.region).filter((r): r is string => !!r))].sort(
    (a, b) => a.localeCompare(b),
  );
  return [
    { value: 'deployment', kind: 'deployment', name: '' },
    ...regions.map((region) => ({
      value: `region:${region}`,
      kind: 'region' as const,
      name: region,
    })),
    ...sites.map((site) => ({ value: `site:${site.id}`, kind: 'site' as const, name: site.name })),
  ];
}

/** The scope a form value names, or null when it names none of the options. */
export function scopeOf(value: unknown, options: readonly ScopeOption[]): ReportScope | null {
  const option = options.find((o) => o.value === value);
  if (!option) return null;
  if (option.kind === 'deployment') return { kind: 'deployment' };
  if (option.kind === 'region') return { kind: 'region', region: option.name };
  return { kind: 'site', siteId: option.value.slice('site:'.length) };
}
