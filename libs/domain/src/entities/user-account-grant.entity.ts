import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ChannelAccount } from './channel-account.entity';
import { User } from './user.entity';

/**
 * Narrows an officer to specific channel accounts. An officer without any grant works on every
 * account of the organization; other roles are not narrowed by grants.
 */
@Entity('user_account_grant')
@Index('ix_user_account_grant_account', ['channelAccountId'])
export class UserAccountGrant {
  @PrimaryColumn({ type: 'uuid', name: 'user_id' })
  userId: string;

  @PrimaryColumn({ type: 'uuid', name: 'channel_account_id' })
  channelAccountId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @ManyToOne(() => ChannelAccount, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'channel_account_id' })
  channelAccount?: ChannelAccount;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId: string;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}
