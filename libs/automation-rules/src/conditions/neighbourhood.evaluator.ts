import type { EntityManager } from 'typeorm';
import type { NeighbourhoodLookupService } from '@civic/cases';
import { foldForSearch } from '@civic/domain';
import { RuleConditionType } from '../rule-condition';
import type { RuleCondition } from '../rule-condition';
import type { RuleSubject } from '../rule-subject';
import type { CompiledCondition, ConditionEvaluator } from './condition-evaluator';

const MAX_VALUES = 100;
const MAX_LENGTH = 120;

/**
 * "The request is in one of these neighbourhoods (mahalle)": the active boundaries' neighbourhood of
 * the burst's first pin inside one, else the one its words name ("Kazımdirik Mah."), as cases get theirs.
 * Values are names, compared Turkish-folded, so a rule outlives a new upload of the boundaries.
 */
export class NeighbourhoodEvaluator implements ConditionEvaluator {
  readonly type = RuleConditionType.Neighbourhood;
  /** One lookup per subject, however many rules ask. */
  private readonly found = new WeakMap<RuleSubject, Promise<string | null>>();

  constructor(private readonly lookup: NeighbourhoodLookupService) {}

  problems(condition: RuleCondition, path: string): string[] {
    const values = condition.values;
    if (!Array.isArray(values) || values.length === 0) {
      return [`${path}.values must name at least one neighbourhood`];
    }
    if (values.length > MAX_VALUES) {
      return [`${path}.values must name at most ${MAX_VALUES} neighbourhoods`];
    }
    return values.flatMap((value, i) =>
      typeof value !== 'string' || value.trim() === '' || value.length > MAX_LENGTH
        ? [`${path}.values.${i} must be a neighbourhood name of 1 to ${MAX_LENGTH} characters`]
        : [],
    );
  }

  compile(condition: RuleCondition): CompiledCondition {
    const wanted = new Set((condition.values ?? []).map((v) => foldForSearch(v.trim())));
    return async (subject, manager) => {
      const name = await this.nameOf(subject, manager);
      return name !== null && wanted.has(foldForSearch(name));
    };
  }

  private nameOf(subject: RuleSubject, manager?: EntityManager): Promise<string | null> {
    let found = this.found.get(subject);
    if (!found) {
      found = this.look(subject, manager);
      this.found.set(subject, found);
    }
    return found;
  }

  /** In the caller's transaction when given: a second connection could wait forever on a small pool (embedded). */
  private async look(subject: RuleSubject, manager?: EntityManager): Promise<string | null> {
    // One read of the active boundaries for the whole burst; the lookups themselves are in memory.
    const index = await this.lookup.index(subject.organizationId, manager);
    if (!index) {
      return null;
    }
    if (subject.locations.length > 0 && index.hasBoundaries) {
      // A pin outside every polygon gives none: the pin is more reliable than the words.
      const inside = subject.locations.map((p) => index.at(p.latitude, p.longitude)).find(Boolean);
      return inside?.name ?? null;
    }
    for (const line of subject.foldedText.split('\n')) {
      const named = index.named(line);
      if (named) {
        return named.name;
      }
    }
    return null;
  }
}
