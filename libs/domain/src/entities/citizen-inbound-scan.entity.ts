import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The inbound scanner's high-water mark (message.received_at) per organization. */
@Entity('citizen_inbound_scan')
export class CitizenInboundScan {
  @PrimaryColumn({ type: 'uuid', name: 'organization_id', primaryKeyConstraintName: 'pk_citizen_inbound_scan' })
  organizationId: string;

  @Column({ type: 'timestamptz', name: 'scanned_received_at' })
  scannedReceivedAt: Date;
}
