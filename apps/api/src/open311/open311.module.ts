import { Module } from '@nestjs/common';
import { CasesModule } from '@civic/cases';
import { Open311ClientService } from './open311-client.service';
import { Open311ClientsController } from './open311-clients.controller';
import { Open311IntakeService } from './open311-intake.service';
import { Open311RateLimiter } from './open311-rate-limiter';
import { Open311Controller } from './open311.controller';
import { Open311Service } from './open311.service';
import { PublicRequestService } from './public-request.service';
import { PublicRequestsController } from './public-requests.controller';

/**
 * Open311 GeoReport v2 over the cases (organizations with public data on): reading, filing with a
 * client key, the keys' administration, and the data of a request's public page.
 */
@Module({
  imports: [CasesModule],
  controllers: [Open311Controller, Open311ClientsController, PublicRequestsController],
  providers: [Open311Service, Open311ClientService, Open311IntakeService, Open311RateLimiter, PublicRequestService],
})
export class Open311Module {}
