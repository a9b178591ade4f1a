import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * Keyword rule for suggesting a category and department from a citizen's text. Keywords match
 * whole words after Turkish folding; a trailing * also matches suffixes ("çukur*" → "çukurlar").
 */
@Entity('routing_rule')
@Index('ix_routing_rule_org', ['organizationId'])
export class RoutingRule {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId: string;

  @Column({ type: 'text', array: true })
  keywords: string[];

  @Column({ type: 'uuid', name: 'category_id' })
  categoryId: string;

  /** Overrides the category's owner when set. */
  @Column({ type: 'uuid', name: 'department_id', nullable: true })
  departmentId: string | null;

  /** Score per matched keyword; the highest total wins. */
  @Column({ type: 'integer', default: 1 })
  weight: number;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}
