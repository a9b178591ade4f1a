import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A sign-in attempt, kept in the database so every api process sees the same lockout. */
@Entity('login_attempt')
@Index('ix_login_attempt_email_time', ['email', 'createdAt'])
export class LoginAttempt {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Lowercased, as typed (it may not belong to any user). */
  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'boolean' })
  succeeded: boolean;

  @Column({ type: 'text', nullable: true })
  ip: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}
