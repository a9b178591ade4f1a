import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The organization's category classifier, trained on its own categorized cases, with its held-out accuracy. */
@Entity('category_model')
export class TrainedCategoryModel {
  @PrimaryColumn({ type: 'uuid', name: 'organization_id', primaryKeyConstraintName: 'pk_category_model' })
  organizationId: string;

  /** The serialized model (CategoryModel.toJSON of @civic/readings). */
  @Column({ type: 'jsonb' })
  model: unknown;

  /** Cases it was trained on (keyword seeds not counted). */
  @Column({ type: 'integer' })
  examples: number;

  /** The newest cases kept out of training to measure it. */
  @Column({ type: 'integer', name: 'held_out' })
  heldOut: number;

  /** Categorized cases of the organization at training (with or without text): retrained when they grow by half. */
  @Column({ type: 'integer', name: 'cases_seen', default: 0 })
  casesSeen: number;

  @Column({ type: 'real', name: 'held_out_accuracy', nullable: true })
  heldOutAccuracy: number | null;

  @Column({ type: 'timestamptz', name: 'trained_at', default: () => 'now()' })
  trainedAt: Date;
}
