import { PartialType } from '@nestjs/swagger';
import { CannedResponseDto } from './canned-response.dto';

export class UpdateCannedResponseDto extends PartialType(CannedResponseDto) {}
