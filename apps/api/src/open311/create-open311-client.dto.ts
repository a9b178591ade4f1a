import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { SingleLineName } from '../common/single-line-name.decorator';

export class CreateOpen311ClientDto {
  @ApiProperty({ example: 'Belediye mobil uygulaması', description: 'Who the key is for (a city app, a web form)' })
  @IsString()
  @Length(1, 100, { message: 'name must be 1 to 100 characters' })
  @SingleLineName()
  name: string;
}
