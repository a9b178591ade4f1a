import { ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { CreateUserDto } from './create-user.dto';

/** The e-mail is the sign-in name and does not change; create a new user instead. */
export class UpdateUserDto extends PartialType(OmitType(CreateUserDto, ['email'] as const)) {
  @ApiPropertyOptional({ description: 'false disables sign-in and revokes sessions and API tokens stop working' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
