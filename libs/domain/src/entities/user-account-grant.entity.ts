import { CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ChannelAccount } from './channel-account.entity';
import { User } from './user.entity';

/**
 * Narrows an officer to specific channel accounts. An officer without any grant works on every
 * account of the organization; other roles are not narrowed by grants.
 */
@Entity('user_account_grant')
@Index('ix_user_account_grant_account', ['channelAccountId'])
export class UserAccountGrant {
  @PrimaryColumn({ type: 'uuid', name: 'user_id', primaryKeyConstraintName: 'pk_user_account_grant' })
  userId: string;

  @PrimaryColumn({ type: 'uuid', name: 'channel_account_id', primaryKeyConstraintName: 'pk_user_account_grant' })
  channelAccountId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @ManyToOne(() => ChannelAccount, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'channel_account_id' })
  channelAccount?: ChannelAccount;

  /** In the key for sharding by tenant (ADR 0002). */
  @PrimaryColumn({ type: 'uuid', name: 'organization_id', primaryKeyConstraintName: 'pk_user_account_grant' })
  organizationId: string;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}
