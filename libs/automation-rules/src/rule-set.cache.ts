import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { AutomationRuleDefinition } from './automation-rule-definition';
import type { AutomationRuleEvent } from './automation-rule-event';
import type { CompiledRule } from './compiled-rule';
import { RuleCompiler } from './rule-compiler';

/** Rules change rarely and are read for every message: each process keeps them this long (its own changes at once). */
const CACHE_MS = 2000;

interface RuleRow {
  id: string;
  name: string;
  event: AutomationRuleEvent;
  match: 'all' | 'any';
  conditions: AutomationRuleDefinition['conditions'];
  actions: AutomationRuleDefinition['actions'];
  stop_here: boolean;
}

/** An organization's switched-on rules per event, compiled, in their order. */
@Injectable()
export class RuleSetCache {
  private readonly cache = new Map<string, { rules: Map<string, CompiledRule[]>; loadedAt: number }>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly compiler: RuleCompiler,
  ) {}

  async rulesFor(organizationId: string, event: AutomationRuleEvent, manager?: EntityManager): Promise<CompiledRule[]> {
    let hit = this.cache.get(organizationId);
    if (!hit || Date.now() - hit.loadedAt >= CACHE_MS) {
      const rows: RuleRow[] = await (manager ?? this.dataSource.manager).query(
        `SELECT id, name, event, match, conditions, actions, stop_here FROM automation_rule
          WHERE organization_id = $1 AND enabled ORDER BY position, created_at, id`,
        [organizationId],
      );
      const rules = new Map<string, CompiledRule[]>();
      for (const row of rows) {
        const compiled = this.compiler.compile(row.id, {
          name: row.name,
          event: row.event,
          match: row.match,
          conditions: row.conditions,
          actions: row.actions,
          stopHere: row.stop_here,
        });
        rules.set(row.event, [...(rules.get(row.event) ?? []), compiled]);
      }
      hit = { rules, loadedAt: Date.now() };
      this.cache.set(organizationId, hit);
    }
    return hit.rules.get(event) ?? [];
  }

  invalidate(organizationId: string): void {
    this.cache.delete(organizationId);
  }
}
