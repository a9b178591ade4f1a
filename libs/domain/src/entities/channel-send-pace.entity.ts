import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { ChannelAccount } from './channel-account.entity';

/**
 * The send pace of one channel account, shared by every worker process: the earliest time the
 * next send may start (a GCRA "theoretical arrival time"). Each send moves it forward by one
 * interval (1 / rate) in a single atomic statement, so two workers cannot use the same slot.
 */
@Entity('channel_send_pace')
export class ChannelSendPace {
  @PrimaryColumn({ type: 'uuid', name: 'channel_account_id' })
  channelAccountId: string;

  @OneToOne(() => ChannelAccount, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'channel_account_id' })
  channelAccount?: ChannelAccount;

  @Column({ type: 'timestamptz', name: 'next_send_at' })
  nextSendAt: Date;
}
