import { ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsEnum, IsOptional } from 'class-validator';
import { ChannelAccountStatus } from '@civic/domain';
import { CreateChannelAccountDto } from './create-channel-account.dto';

/** Channel and channel id identify the account and cannot change; reconnect instead. */
export class UpdateChannelAccountDto extends PartialType(
  OmitType(CreateChannelAccountDto, ['channel', 'externalId'] as const),
) {
  @ApiPropertyOptional({ enum: [ChannelAccountStatus.Active, ChannelAccountStatus.Disabled] })
  @IsOptional()
  @IsEnum([ChannelAccountStatus.Active, ChannelAccountStatus.Disabled], {
    message: 'status must be active or disabled',
  })
  status?: ChannelAccountStatus.Active | ChannelAccountStatus.Disabled;

  @ApiPropertyOptional({
    description: "Officers' replies are held until an administrator or the mayor's office approves them",
  })
  @IsOptional()
  @IsBoolean()
  repliesNeedApproval?: boolean;
}
