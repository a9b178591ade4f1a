import { Module } from '@nestjs/common';
import { TeamsModule } from '@civic/teams';
import { AvailabilityController } from './availability.controller';
import { TeamsController } from './teams.controller';

@Module({ imports: [TeamsModule], controllers: [TeamsController, AvailabilityController] })
export class TeamsApiModule {}
