import { Injectable } from '@nestjs/common';
import { OrganisationsService, Site, SitesService } from '@ohjaamo/identity';
import type { Actor, Language } from '@ohjaamo/platform';
import { TopicsService, type VisitTopic } from '@ohjaamo/visits';
import { DataSource, In } from 'typeorm';

export interface TopicOption {
  code: string;
  label: string;
}

/** What every desk page needs: the user's sites, the chosen one, topics and agencies. */
@Injectable()
export class DeskContext {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sites: SitesService,
    private readonly organisations: OrganisationsService,
    private readonly topics: TopicsService,
  ) {}

  /** The user's sites by name, and the one asked for (else the first). Null: no sites. */
  async site(actor: Actor, requested: unknown): Promise<{ site: Site; sites: Site[] } | null> {
    if (actor.siteIds.length === 0) return null;
    const sites = await this.dataSource
      .getRepository(Site)
      .find({ where: { id: In(actor.siteIds) }, order: { name: 'ASC' } });
    const site = sites.find((s) => s.id === requested) ?? sites[0];
    return site ? { site, sites } : null;
  }

  async topicOptions(language: Language): Promise<TopicOption[]> {
    const topics = await this.topics.listActive();
    return topics.map((t: VisitTopic) => ({ code: t.code, label: labelOf(t, language) }));
  }

  async organisationOptions(): Promise<{ id: string; name: string }[]> {
    return (await this.organisations.list({ active: true })).map((o) => ({
      id: o.id,
      name: o.name,
    }));
  }

  agenciesToday(siteId: string): ReturnType<SitesService['agenciesPresentOn']> {
    return this.sites.agenciesPresentOn(siteId, new Date());
  }
}

export function labelOf(topic: VisitTopic, language: Language): string {
  return language === 'sv' ? topic.labelSv : language === 'en' ? topic.labelEn : topic.labelFi;
}
