import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CategoryModel, CategoryModelTrainer, holdOutAccuracy, seedExamplesFromKeywords } from '@civic/readings';
import type { CategoryExample, CategoryModelJson } from '@civic/readings';

/** The newest share of categorized cases kept out of training to measure the model. */
const HELD_OUT_SHARE = 0.2;
/** A stored model is read again after this long (another process may have retrained it). */
const CACHE_MS = 60_000;
/** The cases a model learns from at most: the newest ones. */
const MAX_EXAMPLES = 20_000;

export interface CategoryModelStatus {
  trainedAt: string | null;
  /** Categorized cases it learned from. */
  examples: number;
  /** The newest cases held out to measure it, and the share of them it got right (top 1). */
  heldOut: number;
  heldOutAccuracy: number | null;
}

/**
 * The organization's category classifier: trained on what officers chose (each categorized case's
 * text and category), seeded by its categories' routing keywords while cases are few, retrained on a
 * schedule; its accuracy is measured on the newest cases, which it did not learn from.
 */
@Injectable()
export class CategoryModelService {
  private readonly logger = new Logger(CategoryModelService.name);
  private readonly cache = new Map<string, { model: CategoryModel | null; readAt: number }>();

  constructor(private readonly dataSource: DataSource) {}

  /** The stored model (cached a minute), read through the caller's transaction when it has one. */
  async modelFor(
    organizationId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<CategoryModel | null> {
    const hit = this.cache.get(organizationId);
    if (hit && Date.now() - hit.readAt < CACHE_MS) {
      return hit.model;
    }
    const [row]: { model: CategoryModelJson }[] = await manager.query(
      `SELECT model FROM category_model WHERE organization_id = $1`,
      [organizationId],
    );
    const model = row ? CategoryModel.fromJSON(row.model) : null;
    this.cache.set(organizationId, { model, readAt: Date.now() });
    return model;
  }

  async status(organizationId: string): Promise<CategoryModelStatus> {
    const [row] = await this.dataSource.query(
      `SELECT trained_at, examples, held_out, held_out_accuracy FROM category_model WHERE organization_id = $1`,
      [organizationId],
    );
    return {
      trainedAt: row?.trained_at?.toISOString() ?? null,
      examples: row?.examples ?? 0,
      heldOut: row?.held_out ?? 0,
      heldOutAccuracy: row?.held_out_accuracy ?? null,
    };
  }

  /** Trains on the organization's categorized cases and stores the model with its held-out accuracy. */
  async train(organizationId: string): Promise<CategoryModelStatus> {
    const [{ seen }] = await this.dataSource.query(
      `SELECT count(*)::int AS seen FROM civic_case WHERE organization_id = $1 AND category_id IS NOT NULL`,
      [organizationId],
    );
    const examples = await this.examples(organizationId);
    const seeds = seedExamplesFromKeywords(await this.keywords(organizationId));
    const measured = examples.length >= 10 ? holdOutAccuracy(examples, { seeds, testShare: HELD_OUT_SHARE }) : null;
    const model = CategoryModelTrainer.train(examples, { seeds });
    await this.dataSource.query(
      `INSERT INTO category_model (organization_id, model, examples, held_out, held_out_accuracy, cases_seen, trained_at)
       VALUES ($1, $2, $3, $4, $5, $6, now())
       ON CONFLICT (organization_id) DO UPDATE SET model = EXCLUDED.model, examples = EXCLUDED.examples,
         held_out = EXCLUDED.held_out, held_out_accuracy = EXCLUDED.held_out_accuracy,
         cases_seen = EXCLUDED.cases_seen, trained_at = EXCLUDED.trained_at`,
      [
        organizationId,
        JSON.stringify(model.toJSON()),
        examples.length,
        measured?.testedOn ?? 0,
        measured?.top1 ?? null,
        seen,
      ],
    );
    this.cache.set(organizationId, { model, readAt: Date.now() });
    this.logger.log(
      `Category model of ${organizationId}: ${examples.length} cases, held-out accuracy ${measured ? measured.top1.toFixed(3) : 'n/a'}`,
    );
    return this.status(organizationId);
  }

  /** Each categorized case's text (its description, else its first message) and category code, oldest first. */
  async examples(organizationId: string): Promise<CategoryExample[]> {
    const rows: { text: string; category: string; at: Date }[] = await this.dataSource.query(
      `SELECT * FROM (
         SELECT coalesce(nullif(m.text, ''), k.description) AS text, cat.code AS category, k.created_at AS at
           FROM civic_case k
           JOIN case_category cat ON cat.id = k.category_id
           LEFT JOIN message m ON m.id = k.message_id
          WHERE k.organization_id = $1
          ORDER BY k.created_at DESC LIMIT $2) x
        WHERE x.text IS NOT NULL AND x.text <> '' ORDER BY x.at`,
      [organizationId, MAX_EXAMPLES],
    );
    return rows.map((r) => ({ text: r.text, category: r.category, at: r.at }));
  }

  /** The routing keywords of the organization's active categories: the model's start. */
  private async keywords(organizationId: string): Promise<{ code: string; keywords: string[] }[]> {
    return this.dataSource.query(
      `SELECT cat.code, coalesce(array_agg(DISTINCT kw) FILTER (WHERE kw IS NOT NULL), '{}') AS keywords
         FROM case_category cat
         LEFT JOIN routing_rule r ON r.organization_id = cat.organization_id AND r.category_id = cat.id
         LEFT JOIN LATERAL unnest(r.keywords) AS kw ON true
        WHERE cat.organization_id = $1 AND cat.active
        GROUP BY cat.code`,
      [organizationId],
    );
  }
}
