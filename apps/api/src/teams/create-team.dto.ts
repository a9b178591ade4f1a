import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { SingleLineName } from '../common/single-line-name.decorator';
import { UpdateTeamDto } from './update-team.dto';

/** POST /api/v1/teams */
export class CreateTeamDto extends UpdateTeamDto {
  @ApiProperty({ example: 'Fen İşleri masası' })
  @IsString()
  @Length(1, 80)
  @SingleLineName()
  declare name: string;
}
